import type { EntityManager } from '@mikro-orm/postgresql';
import type { StaffViewer } from '../../graphql/context.js';
import { keyset, toConnection, type PageRequest } from '../../graphql/connection.js';
import { InputCheck } from '../../graphql/input-check.js';
import { ok, refuse, registerMessages, type Result } from '../../graphql/user-error.js';
import type { Locale } from '../../i18n/locale.js';
import { isValidMobile, normalizeMobile } from '../../shared/mobile.js';
import { createAudited } from '../audit/audit.js';
import { Customer } from './customer.entity.js';
import { CustomerType } from './customer-type.js';
import type { CreateCustomerInput, CustomerFilter } from './dto.js';

registerMessages({
  INVALID_MOBILE: { zh: '手机号格式不正确（11 位大陆手机号）', en: 'is not a valid mainland mobile number (11 digits)' },
  DUPLICATE_MOBILE: { zh: '该手机号已登记在其他客户档案中', en: 'is already registered to another customer' },
});

export class CustomerService {
  async create(em: EntityManager, viewer: StaffViewer, locale: Locale, input: CreateCustomerInput): Promise<Result<Customer>> {
    const check = new InputCheck(locale);
    const name = check.text(['name'], input.name, { max: 100, required: true });
    const mobile = normalizeMobile(input.mobile ?? '');
    if (!isValidMobile(mobile)) check.fail(['mobile'], 'INVALID_MOBILE');
    if (check.failed) return refuse(...check.errors);

    if (await em.count(Customer, { store: viewer.storeId, mobile })) {
      check.fail(['mobile'], 'DUPLICATE_MOBILE');
      return refuse(...check.errors);
    }
    const customer = await createAudited(em, viewer, { action: 'customer.create', entity: 'Customer' }, (tx) =>
      tx.create(Customer, { store: viewer.storeId, name: name!, mobile, customerType: input.customerType ?? CustomerType.PRIVATE, createdBy: viewer.staffId, createdAt: new Date() }),
    );
    if (customer) return ok(customer);
    check.fail(['mobile'], 'DUPLICATE_MOBILE');
    return refuse(...check.errors);
  }

  async list(em: EntityManager, storeId: number, page: PageRequest, filter?: CustomerFilter | null) {
    const where: Record<string, unknown> = { store: storeId };
    if (filter?.customerType?.length) where.customerType = { $in: filter.customerType };
    const search = filter?.search?.trim().slice(0, 50);
    if (search) where.$or = [{ name: { $ilike: `%${search.replace(/[%_\\]/g, '\\$&')}%` } }, { mobile: normalizeMobile(search) }];
    const [rows, total] = await Promise.all([
      em.find(Customer, { ...where, ...keyset(page).where }, keyset(page).options),
      em.count(Customer, where),
    ]);
    return toConnection(rows, total, page);
  }
}
