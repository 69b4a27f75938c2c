import { type EntityManager, LockMode, sql } from '@mikro-orm/postgresql';
import type { JobQueue } from '../../events/job-queue.js';
import type { StaffActor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { dbId } from '../../shared/global-id.js';
import { birthdayOfIdNumber, isValidIdNumber, normalizeIdNumber } from '../../shared/id-number.js';
import { InputCheck } from '../../shared/input-check.js';
import { keyset, toConnection, type PageRequest } from '../../shared/page.js';
import { notFound, ok, refuse, refusal, type Result } from '../../shared/result.js';
import { registerMessages } from '../../i18n/messages.js';
import { AdvisorTask } from '../appointment/appointment.entity.js';
import { AdvisorTaskKind, AdvisorTaskStatus } from '../appointment/appointment.enums.js';
import { audit } from '../audit/audit.js';
import { Role } from '../staff/roles.js';
import { Customer } from './customer.entity.js';
import { CustomerArchiveSettings } from './customer-archive.entity.js';
import { ArchiveField } from './customer-archive.enums.js';
import { DEFAULT_DEADLINE_DAYS, DEFAULT_REQUIRED, isValidBirthday, isValidLunarDate, missingFields, PRESENT_SQL } from './customer-archive.rules.js';
import type { UpdateArchiveSettingsInput, UpdateCustomerInput } from './customer-archive.dto.js';
import { pgArray } from '../../shared/sql.js';

registerMessages({
  INVALID_ID_NUMBER: { zh: '身份证号码无效（18 位，校验码须正确）', en: 'is not a valid resident ID number (18 characters with a valid check character)' },
  BIRTHDAY_NOT_ID_BIRTHDAY: { zh: '生日与身份证号码中的出生日期不符（{expected}）', en: 'does not match the birth date in the ID number ({expected})' },
  INVALID_BIRTHDAY: { zh: '生日无效（YYYY-MM-DD，不晚于今天）', en: 'is not a valid birthday (YYYY-MM-DD, not after today)' },
  INVALID_LUNAR_DATE: { zh: '农历日期无效（月 1–12，日 1–30）', en: 'is not a valid lunar date (month 1–12, day 1–30)' },
  CANNOT_CLEAR: { zh: '不能清空', en: 'cannot be cleared' },
  TOO_MANY_INTERESTS: { zh: '兴趣最多 {max} 项', en: 'at most {max} interests' },
});

export const ARCHIVE_DEADLINE_TASK = 'customer.archive-deadline';
const DAY = 86_400_000;

/** Fields whose values the audit trail does not copy (R-ARC-5): it records that they changed. */
const SENSITIVE = new Set(['idNumber', 'address']);
const EDITABLE = ['name', 'customerType', 'idNumber', 'occupation', 'address', 'interests', 'birthday', 'lunarBirthday', 'preferredChannel', 'preferredContactTime', 'source', 'notes'] as const;
type Editable = (typeof EDITABLE)[number];

export interface ArchiveStatus {
  complete: boolean;
  missing: ArchiveField[];
  createdAt: Date;
  dueBy: Date;
  overdue: boolean;
}

/**
 * The customer archive (R-ARC-1/4/5): its fields, changed with optimistic locking and audited, and its
 * completeness against the store's requirement — per customer, and for the store in two statements
 * whatever the number of customers.
 */
export class CustomerArchiveService {
  private readonly settingsByEm = new WeakMap<EntityManager, Map<number, Promise<CustomerArchiveSettings>>>();

  constructor(
    private readonly clock: Clock,
    private readonly queue?: JobQueue,
  ) {}

  /** R-ARC-4: the archive's deadline job, enqueued in the transaction that creates the customer. */
  async scheduleDeadline(tx: EntityManager, customer: Customer): Promise<void> {
    if (!this.queue) return;
    const settings = await this.settings(tx, customer.store.id);
    const runAt = new Date(customer.createdAt.getTime() + settings.deadlineDays * DAY);
    await this.queue.schedule(tx, ARCHIVE_DEADLINE_TASK, { storeId: customer.store.id, customerId: customer.id }, { runAt, key: `archive-deadline:${customer.id}` });
  }

  /**
   * R-ARC-4, run by the job queue at the deadline: an archive still incomplete puts a COMPLETE_ARCHIVE
   * task on the list of whoever created the customer (the first service manager when that person has
   * left), once. A deadline moved later by the store's setting is waited for; a complete archive
   * writes nothing.
   */
  async deadline(em: EntityManager, storeId: number, customerId: number): Promise<'TASK_CREATED' | 'COMPLETE' | 'NOT_DUE' | 'ALREADY_OPEN' | 'NO_ONE'> {
    return em.transactional(async (tx) => {
      const customer = await tx.findOne(Customer, { id: customerId, store: storeId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!customer) return 'COMPLETE';
      const status = this.status(customer, await this.settings(tx, storeId));
      if (status.complete) return 'COMPLETE';
      if (!status.overdue) {
        await this.scheduleDeadline(tx, customer);
        return 'NOT_DUE';
      }
      if (await tx.count(AdvisorTask, { customer: customer.id, kind: AdvisorTaskKind.COMPLETE_ARCHIVE, status: AdvisorTaskStatus.OPEN })) return 'ALREADY_OPEN';
      const [row] = await tx.execute<{ id: number }[]>(
        `select id from staff where store_id = ? and active and (id = ? or ? = any(roles)) order by (id = ?) desc, id limit 1`,
        [storeId, customer.createdBy?.id ?? 0, Role.SERVICE_MANAGER, customer.createdBy?.id ?? 0],
      );
      if (!row) return 'NO_ONE';
      tx.create(AdvisorTask, { store: storeId, assignee: row.id, customer: customer.id, kind: AdvisorTaskKind.COMPLETE_ARCHIVE, dueAt: this.clock.now(), createdAt: this.clock.now() });
      return 'TASK_CREATED';
    });
  }

  async update(em: EntityManager, actor: StaffActor, input: UpdateCustomerInput): Promise<Result<Customer>> {
    const check = new InputCheck();
    const values: Partial<Record<Editable, unknown>> = {};
    const has = (name: Editable) => input[name] !== undefined;
    if (has('name')) {
      if (input.name == null) check.fail(['name'], 'CANNOT_CLEAR');
      else values.name = check.text(['name'], input.name, { max: 100, required: true });
    }
    if (has('customerType')) {
      if (input.customerType == null) check.fail(['customerType'], 'CANNOT_CLEAR');
      else values.customerType = input.customerType;
    }
    if (has('idNumber')) {
      const id = input.idNumber == null || input.idNumber.trim() === '' ? null : normalizeIdNumber(input.idNumber);
      if (id != null && !isValidIdNumber(id, this.clock.now())) check.fail(['idNumber'], 'INVALID_ID_NUMBER');
      values.idNumber = id;
    }
    for (const [name, max] of [['occupation', 50], ['address', 200], ['preferredContactTime', 50]] as const) {
      if (has(name)) values[name] = input[name] == null ? null : check.text([name], input[name], { max }) || null;
    }
    if (has('notes')) values.notes = input.notes == null ? null : check.text(['notes'], input.notes, { max: 2000, multiline: true }) || null;
    if (has('interests')) {
      const interests = [...new Set((input.interests ?? []).map((v, i) => check.text(['interests', i], v, { max: 20, required: true }) ?? ''))];
      if (interests.length > 10) check.fail(['interests'], 'TOO_MANY_INTERESTS', { max: 10 });
      values.interests = interests;
    }
    if (has('birthday')) {
      if (input.birthday != null && !isValidBirthday(input.birthday, this.clock.now())) check.fail(['birthday'], 'INVALID_BIRTHDAY');
      values.birthday = input.birthday ?? null;
    }
    if (has('lunarBirthday')) {
      const l = input.lunarBirthday;
      if (l != null && !isValidLunarDate(l)) check.fail(['lunarBirthday'], 'INVALID_LUNAR_DATE');
      values.lunarBirthday = l == null ? null : { month: l.month, day: l.day, leap: l.leap ?? false };
    }
    for (const name of ['preferredChannel', 'source'] as const) if (has(name)) values[name] = input[name] ?? null;
    const id = dbId(input.id, 'Customer');
    if (!id) return refuse(notFound('Customer'));
    if (check.failed) return refuse(...check.errors);

    return em.transactional(async (tx) => {
      const customer = await tx.findOne(Customer, { id, store: actor.storeId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!customer) return refuse(notFound('Customer'));
      if (customer.version !== input.expectedVersion) return refuse(refusal('STALE_VERSION', check.path('expectedVersion'), { current: customer.version }));
      // An ID number carries the birth date: the solar birthday must agree with it.
      const idNumber = (values.idNumber !== undefined ? values.idNumber : customer.idNumber) as string | null;
      const birthday = (values.birthday !== undefined ? values.birthday : customer.birthday) as string | null;
      if (idNumber && birthday && birthdayOfIdNumber(idNumber) !== birthday) {
        return refuse(refusal('BIRTHDAY_NOT_ID_BIRTHDAY', check.path(values.birthday !== undefined ? 'birthday' : 'idNumber'), { expected: birthdayOfIdNumber(idNumber) }));
      }
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const name of EDITABLE) {
        if (!(name in values) || sameValue(customer[name], values[name])) continue;
        before[name] = SENSITIVE.has(name) ? (customer[name] ? 'set' : null) : (customer[name] ?? null);
        after[name] = SENSITIVE.has(name) ? (values[name] ? 'set' : null) : values[name];
        (customer as unknown as Record<string, unknown>)[name] = values[name];
      }
      if (!Object.keys(after).length) return ok(customer);
      customer.version += 1;
      audit(tx, { storeId: actor.storeId, actorId: actor.staffId, action: 'customer.update', entity: 'Customer', entityId: customer.id, data: { before, after } });
      if (this.status(customer, await this.settings(tx, actor.storeId)).complete) {
        await tx.nativeUpdate(
          AdvisorTask,
          { customer: customer.id, kind: AdvisorTaskKind.COMPLETE_ARCHIVE, status: AdvisorTaskStatus.OPEN },
          { status: AdvisorTaskStatus.DONE, doneAt: this.clock.now(), version: sql`version + 1` },
        );
      }
      return ok(customer);
    });
  }

  /** The store's requirement, read once per request (the `archive` field of every customer in a list asks). */
  settings(em: EntityManager, storeId: number): Promise<CustomerArchiveSettings> {
    let byStore = this.settingsByEm.get(em);
    if (!byStore) this.settingsByEm.set(em, (byStore = new Map()));
    let found = byStore.get(storeId);
    if (!found) {
      found = em.findOne(CustomerArchiveSettings, { store: storeId }).then((s) => s ?? em.create(CustomerArchiveSettings, { store: storeId }, { persist: false }));
      byStore.set(storeId, found);
    }
    return found;
  }

  async updateSettings(em: EntityManager, actor: StaffActor, input: UpdateArchiveSettingsInput): Promise<Result<CustomerArchiveSettings>> {
    const check = new InputCheck();
    check.range(['deadlineDays'], input.deadlineDays, 1, 30);
    if (check.failed) return refuse(...check.errors);
    return em.transactional(async (tx) => {
      await tx.execute('insert into customer_archive_settings (store_id, required_fields, deadline_days) values (?, ?::text[], ?) on conflict (store_id) do nothing', [
        actor.storeId,
        pgArray(DEFAULT_REQUIRED),
        DEFAULT_DEADLINE_DAYS,
      ]);
      const s = await tx.findOneOrFail(CustomerArchiveSettings, { store: actor.storeId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (s.version !== input.expectedVersion) return refuse(refusal('STALE_VERSION', check.path('expectedVersion'), { current: s.version }));
      const required = Object.values(ArchiveField).filter((f) => input.requiredFields.includes(f));
      if (s.deadlineDays === input.deadlineDays && JSON.stringify(s.requiredFields) === JSON.stringify(required)) return ok(s);
      const before = { requiredFields: s.requiredFields, deadlineDays: s.deadlineDays };
      s.requiredFields = required;
      s.deadlineDays = input.deadlineDays;
      s.version += 1;
      audit(tx, { storeId: actor.storeId, actorId: actor.staffId, action: 'customer-archive.settings', entity: 'CustomerArchiveSettings', entityId: s.id, data: { before, after: { requiredFields: required, deadlineDays: s.deadlineDays } } });
      return ok(s);
    });
  }

  status(customer: Customer, settings: CustomerArchiveSettings): ArchiveStatus {
    const missing = missingFields(customer, settings.requiredFields);
    const dueBy = new Date(customer.createdAt.getTime() + settings.deadlineDays * 86_400_000);
    return { complete: missing.length === 0, missing, createdAt: customer.createdAt, dueBy, overdue: missing.length > 0 && dueBy.getTime() < this.clock.now().getTime() };
  }

  /** R-ARC-4 for the store: complete, total, percentage (one statement), and the overdue archives (a page of them). */
  async completeness(em: EntityManager, storeId: number): Promise<{ percent: number; complete: number; total: number; storeId: number }> {
    const settings = await this.settings(em, storeId);
    const [row] = await em.execute<{ complete: number; total: number }[]>(
      `select count(*) filter (where ${this.completeSql(settings)})::int as complete, count(*)::int as total from customer c where c.store_id = ?`,
      [storeId],
    );
    const percent = row.total === 0 ? 100 : Math.round((row.complete / row.total) * 1000) / 10;
    return { percent, complete: row.complete, total: row.total, storeId };
  }

  async overdue(em: EntityManager, storeId: number, page: PageRequest) {
    const settings = await this.settings(em, storeId);
    const due = new Date(this.clock.now().getTime() - settings.deadlineDays * 86_400_000);
    const ids = (
      await em.execute<{ id: number }[]>(`select c.id from customer c where c.store_id = ? and c.created_at < ? and not (${this.completeSql(settings)})`, [storeId, due])
    ).map((r) => r.id);
    const k = keyset(page);
    const rows = ids.length ? await em.find(Customer, { $and: [{ id: { $in: ids } }, k.where] }, k.options) : [];
    return toConnection(rows, ids.length, page);
  }

  /** SQL of "every required field present"; built only from the enum's own fragments. */
  private completeSql(settings: CustomerArchiveSettings): string {
    return settings.requiredFields.length ? settings.requiredFields.map((f) => PRESENT_SQL[f]).join(' and ') : 'true';
  }
}

/** Equal as stored values (jsonb does not keep key order, so objects compare key by key). */
function sameValue(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : (v ?? null);
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
