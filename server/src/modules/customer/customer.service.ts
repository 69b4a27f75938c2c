import type { EntityManager } from '@mikro-orm/postgresql';
import type { StaffActor } from '../../shared/actor.js';
import { keyset, toConnection, type PageRequest } from '../../shared/page.js';
import { InputCheck } from '../../shared/input-check.js';
import { ok, refuse, type Result } from '../../shared/result.js';
import { registerMessages } from '../../i18n/messages.js';
import { isValidMobile, normalizeMobile } from '../../shared/mobile.js';
import { normalizeIdNumber } from '../../shared/id-number.js';
import { createAudited } from '../audit/audit.js';
import { Customer } from './customer.entity.js';
import { CustomerType } from './customer-type.js';
import type { CreateCustomerInput, CustomerFilter } from './dto.js';
import type { CustomerArchiveService } from './customer-archive.service.js';

registerMessages({
  INVALID_MOBILE: { zh: '手机号格式不正确（11 位大陆手机号）', en: 'is not a valid mainland mobile number (11 digits)' },
  DUPLICATE_MOBILE: { zh: '该手机号已登记在其他客户档案中', en: 'is already registered to another customer' },
});

export class CustomerService {
  /** `archive`: when given, a new customer's archive deadline is put on the job queue (R-ARC-4); the demo seed's plain instance does without. */
  constructor(
    private readonly archive?: CustomerArchiveService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(em: EntityManager, actor: StaffActor, input: CreateCustomerInput): Promise<Result<Customer>> {
    const check = new InputCheck();
    const name = check.text(['name'], input.name, { max: 100, required: true });
    const mobile = normalizeMobile(input.mobile ?? '');
    if (!isValidMobile(mobile)) check.fail(['mobile'], 'INVALID_MOBILE');
    if (check.failed) return refuse(...check.errors);

    if (await em.count(Customer, { store: actor.storeId, mobile })) {
      check.fail(['mobile'], 'DUPLICATE_MOBILE');
      return refuse(...check.errors);
    }
    const customer = await createAudited(em, actor, { action: 'customer.create', entity: 'Customer' }, (tx) =>
      tx.create(Customer, { store: actor.storeId, name: name!, mobile, customerType: input.customerType ?? CustomerType.PRIVATE, createdBy: actor.staffId, createdAt: this.now() }),
      async (tx, created) => this.archive?.scheduleDeadline(tx, created),
    );
    if (customer) return ok(customer);
    check.fail(['mobile'], 'DUPLICATE_MOBILE');
    return refuse(...check.errors);
  }

  /**
   * `fullMobile`: whether the viewer sees full mobiles (R-ARC-5). Everyone else may find a customer by
   * the last four digits only, or a masked number would be recovered by searching (issue 9 §4).
   */
  async list(em: EntityManager, storeId: number, page: PageRequest, filter?: CustomerFilter | null, opts: { fullMobile: boolean; idNumber?: boolean } = { fullMobile: false }) {
    const where: Record<string, unknown> = { store: storeId };
    if (filter?.customerType?.length) where.customerType = { $in: filter.customerType };
    const search = filter?.search?.trim().slice(0, 50);
    if (search) {
      const digits = normalizeMobile(search);
      const byMobile = /^\d{4}$/.test(digits) ? [{ mobile: { $like: `%${digits}` } }] : opts.fullMobile ? [{ mobile: digits }] : [];
      // R-ARC-5: an ID number finds its customer only for the roles that may see ID numbers.
      const id = normalizeIdNumber(search);
      const byIdNumber = opts.idNumber && /^\d{17}[\dX]$/.test(id) ? [{ idNumber: id }] : [];
      where.$or = [{ name: { $ilike: `%${search.replace(/[%_\\]/g, '\\$&')}%` } }, ...byMobile, ...byIdNumber];
    }
    const [rows, total] = await Promise.all([
      em.find(Customer, { ...where, ...keyset(page).where }, keyset(page).options),
      em.count(Customer, where),
    ]);
    return toConnection(rows, total, page);
  }
}
