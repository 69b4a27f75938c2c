import { type EntityManager, LockMode } from '@mikro-orm/postgresql';
import type { EventLog } from '../../events/event-log.js';
import type { JobQueue } from '../../events/job-queue.js';
import type { Services } from '../../services.types.js';
import { type Actor, type StaffActor, systemActor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { InputCheck } from '../../shared/input-check.js';
import { keyset, toConnection, type PageRequest } from '../../shared/page.js';
import { notFound, ok, refuse, refusal, type Result } from '../../shared/result.js';
import { pgArray } from '../../shared/sql.js';
import { parseHhmm } from '../../shared/zoned-time.js';
import { audit } from '../audit/audit.js';
import { Customer } from '../customer/customer.entity.js';
import { Store } from '../store/store.entity.js';
import { OutboxMessage, OutboxSettings } from './outbox.entity.js';
import { MessagePurpose, OutboxChannel, OutboxStatus as St } from './outbox.enums.js';
import { CAPPED_PURPOSES, channelFor, isCapped, quietUntil, retryDelayMs } from './outbox.rules.js';
import type { MachineChannel, RecordingSender, Senders } from './outbox.senders.js';
import { hasTemplate, renderTemplate, toMessageLocale } from './outbox.templates.js';
import './outbox.errors.js';

export const OUTBOX = 'OutboxMessage';
const DAY = 86_400_000;
export const SEND_TASK = 'outbox.send';
/** A message left SENDING this long was interrupted mid-call (a crash): its outcome is unknown. */
const SENDING_STALE_MS = 10 * 60_000;

export interface EnqueueInput {
  storeId: number;
  customerId: number;
  vehicleId?: number | null;
  /** Defaults to the customer's preferred channel (SMS when none). */
  channel?: OutboxChannel | null;
  template: string;
  variables: Record<string, string | number | null>;
  scheduledAt: Date;
  purpose: MessagePurpose;
  /** Unique per store: enqueueing the same key again returns the first message and writes nothing. */
  idempotencyKey: string;
  campaignId?: number | null;
  /** Defaults to the store's language. */
  locale?: string | null;
  /** Planned but held back at once (a campaign over the frequency cap, R-CARE-6): kept SUPPRESSED with this reason, never sent. */
  suppressedBecause?: string | null;
}

export interface OutboxFilterInput {
  status?: St[] | null;
  channel?: OutboxChannel[] | null;
  customerId?: number | null;
}

/**
 * The outbox (R-CARE-7, R-CARE-6): one table of messages to customers, written by other modules in
 * their own transactions and sent by a job. Sending a message: quiet hours move it to their end,
 * the frequency cap suppresses it, the template is rendered in the message's language, then the
 * channel's sender is called outside any transaction; failures are retried with backoff and end
 * FAILED. Every step is an event of the message in the log.
 */
export class OutboxService {
  constructor(
    private readonly log: EventLog,
    private readonly clock: Clock,
    private readonly queue: JobQueue,
    private readonly senders: Senders,
    /** The in-memory sender of channels without a real provider (dev and tests). */
    readonly recording: RecordingSender,
    private readonly registry: () => Services,
  ) {}

  /** Plans one message and its send job, in the caller's transaction; idempotent by `idempotencyKey`. */
  async enqueue(em: EntityManager, actor: Actor, input: EnqueueInput): Promise<Result<{ message: OutboxMessage; created: boolean }>> {
    if (!hasTemplate(input.template)) return refuse(refusal('OUTBOX_UNKNOWN_TEMPLATE', ['input', 'template'], { template: input.template }));
    const existing = await em.findOne(OutboxMessage, { store: input.storeId, idempotencyKey: input.idempotencyKey });
    if (existing) return ok({ message: existing, created: false });
    const result = await this.log.create(em, actor, {
      type: OUTBOX,
      storeId: input.storeId,
      build: async (tx) => {
        // Under the store lock: a concurrent planner with the same key has committed or not started.
        if (await tx.count(OutboxMessage, { store: input.storeId, idempotencyKey: input.idempotencyKey })) return [refusal('OUTBOX_DUPLICATE', null)];
        const customer = await tx.findOne(Customer, { id: input.customerId, store: input.storeId });
        if (!customer) return [notFound('Customer', ['input', 'customerId'])];
        const settings = await this.settings(tx, input.storeId);
        const message = tx.create(OutboxMessage, {
          store: input.storeId,
          customer,
          vehicle: input.vehicleId ?? null,
          channel: input.channel ?? channelFor(customer.preferredChannel),
          template: input.template,
          locale: toMessageLocale(input.locale ?? settings.defaultLocale),
          variables: input.variables,
          recipient: customer.mobile,
          purpose: input.purpose,
          scheduledAt: input.scheduledAt,
          idempotencyKey: input.idempotencyKey,
          campaignId: input.campaignId ?? null,
          ...(input.suppressedBecause ? { status: St.SUPPRESSED, suppressedBecause: input.suppressedBecause } : {}),
        });
        await tx.flush();
        const planned = { channel: message.channel, template: message.template, purpose: message.purpose, scheduledAt: message.scheduledAt.toISOString() };
        if (input.suppressedBecause) return { aggregate: message, facts: [{ kind: 'SUPPRESSED', data: { ...planned, because: input.suppressedBecause } }] };
        await this.scheduleSend(tx, message);
        return { aggregate: message, facts: [{ kind: 'SCHEDULED', data: planned }] };
      },
    });
    if (result.ok) return ok({ message: result.value, created: true });
    if (result.errors[0].code === 'OUTBOX_DUPLICATE') {
      return ok({ message: await em.findOneOrFail(OutboxMessage, { store: input.storeId, idempotencyKey: input.idempotencyKey }), created: false });
    }
    return result;
  }

  /**
   * The `outbox.send` job. Decides in one transaction (quiet hours, cap, render; a PHONE_TASK becomes
   * the call task right there), calls the provider outside it, records the outcome in another. A
   * message that is not SCHEDULED, or not yet due, is left alone: running the job twice sends once.
   */
  async send(em: EntityManager, storeId: number, messageId: number): Promise<St | null> {
    const actor = systemActor(storeId, 'outbox');
    let notYet: Date | null = null;
    const decided = await this.log.change(em, actor, {
      type: OUTBOX,
      storeId,
      load: (tx) => tx.findOne(OutboxMessage, { id: messageId, store: storeId }, { refresh: true, populate: ['customer'] }),
      notFound: notFound('OutboxMessage', null),
      apply: async (tx, m, at) => {
        if (m.status === St.SENDING && at.getTime() - m.scheduledAt.getTime() > SENDING_STALE_MS) {
          // Interrupted while the provider was called: it may have gone out, so it is not sent again.
          m.status = St.FAILED;
          m.suppressedBecause = 'OUTCOME_UNKNOWN';
          return { kind: 'FAILED', data: { because: 'OUTCOME_UNKNOWN' } };
        }
        if (m.status !== St.SCHEDULED) return [refusal('OUTBOX_NOT_SCHEDULED', null)];
        if (m.scheduledAt.getTime() > at.getTime() + 1000) {
          notYet = m.scheduledAt;
          return [refusal('OUTBOX_NOT_DUE', null)];
        }
        const settings = await this.settings(tx, storeId);
        const store = await tx.findOneOrFail(Store, storeId);
        if (isCapped(m.purpose)) {
          const until = quietUntil(at, store.timezone, settings.quietStart, settings.quietEnd);
          if (until) {
            m.scheduledAt = until;
            await this.scheduleSend(tx, m);
            return { kind: 'DEFERRED', data: { because: 'QUIET_HOURS', until: until.toISOString() } };
          }
          const n = (await this.contacts(tx, storeId, [m.customer.id], new Date(at.getTime() - settings.capWindowDays * DAY), at, { planned: false, except: m.id })).get(m.customer.id) ?? 0;
          if (n >= settings.capCount) {
            m.status = St.SUPPRESSED;
            m.suppressedBecause = 'FREQUENCY_CAP';
            return { kind: 'SUPPRESSED', data: { because: 'FREQUENCY_CAP', sentInWindow: n, cap: settings.capCount, windowDays: settings.capWindowDays } };
          }
        }
        const customer = m.customer.getEntity();
        m.text = this.textOf(m, customer.name, store);
        m.attempts += 1;
        m.scheduledAt = at;
        if (m.channel === OutboxChannel.PHONE_TASK) {
          await this.registry().followUps.createCareCall(tx, { storeId, customerId: customer.id, dueAt: at, topic: m.text });
          m.status = St.SENT;
          m.sentAt = at;
          return { kind: 'SENT', data: { channel: m.channel, attempt: m.attempts } };
        }
        m.status = St.SENDING;
        return { kind: 'SENDING', data: { channel: m.channel, attempt: m.attempts } };
      },
    });
    if (!decided.ok) {
      if (notYet) await this.queue.schedule(em.fork(), SEND_TASK, { storeId, messageId }, { runAt: notYet, key: sendKey(messageId) });
      return null;
    }
    const m = decided.value;
    if (m.status !== St.SENDING) return m.status;

    let error: string | null = null;
    try {
      const sender = this.senders[m.channel as MachineChannel];
      await sender.send({ messageId: m.id, channel: m.channel, to: m.recipient, text: m.text ?? '', template: m.template, locale: m.locale, idempotencyKey: m.idempotencyKey });
    } catch (e) {
      error = (e instanceof Error ? e.message : String(e)).slice(0, 1000) || 'error';
    }
    const done = await this.log.change(em.fork(), actor, {
      type: OUTBOX,
      storeId,
      load: (tx) => tx.findOne(OutboxMessage, { id: messageId, store: storeId }, { refresh: true }),
      notFound: notFound('OutboxMessage', null),
      apply: async (tx, msg, at) => {
        if (msg.status !== St.SENDING) return [refusal('OUTBOX_NOT_SENDING', null)];
        if (!error) {
          msg.status = St.SENT;
          msg.sentAt = at;
          return { kind: 'SENT', data: { channel: msg.channel, attempt: msg.attempts } };
        }
        msg.failure = error;
        const settings = await this.settings(tx, storeId);
        if (msg.attempts >= settings.maxAttempts) {
          msg.status = St.FAILED;
          return { kind: 'FAILED', data: { attempt: msg.attempts, error } };
        }
        msg.status = St.SCHEDULED;
        msg.scheduledAt = new Date(at.getTime() + retryDelayMs(msg.attempts, settings.retryBaseSeconds));
        await this.scheduleSend(tx, msg);
        return { kind: 'RETRY_SCHEDULED', data: { attempt: msg.attempts, error, at: msg.scheduledAt.toISOString() } };
      },
    });
    return done.ok ? done.value.status : null;
  }

  /** Sends every message of the store due by now (the jobs do the same one by one); for the seed, benches and tests. */
  async sendDue(em: EntityManager, storeId: number): Promise<number> {
    const due = await em.find(OutboxMessage, { store: storeId, status: St.SCHEDULED, scheduledAt: { $lte: this.clock.now() } }, { orderBy: { scheduledAt: 'asc', id: 'asc' }, fields: ['id'] });
    for (const { id } of due) await this.send(em.fork(), storeId, id);
    return due.length;
  }

  async list(em: EntityManager, storeId: number, page: PageRequest, filter?: OutboxFilterInput | null) {
    const where: Record<string, unknown> = { store: storeId };
    if (filter?.status?.length) where.status = { $in: filter.status };
    if (filter?.channel?.length) where.channel = { $in: filter.channel };
    if (filter?.customerId) where.customer = filter.customerId;
    const k = keyset(page, 'desc');
    const [rows, total] = await Promise.all([em.find(OutboxMessage, { ...where, ...k.where }, k.options), em.count(OutboxMessage, where)]);
    return toConnection(rows, total, page);
  }

  /**
   * R-CARE-6, the one count behind the frequency cap: per customer, the capped messages (care and
   * marketing) besides `except`. At send time (`planned: false`) what is going out or went out after
   * `from`; a campaign planning ahead (`planned: true`) also counts what is planned, anything whose time
   * (sent, else scheduled) lies strictly between `from` and `to`.
   */
  async contacts(tx: EntityManager, storeId: number, customerIds: readonly number[], from: Date, to: Date, o: { planned: boolean; except?: number }): Promise<Map<number, number>> {
    if (!customerIds.length) return new Map();
    const when = o.planned
      ? `status in ('SCHEDULED', 'SENDING', 'SENT') and coalesce(sent_at, scheduled_at) > ? and coalesce(sent_at, scheduled_at) < ?`
      : `(status = 'SENDING' or (status = 'SENT' and sent_at > ?))`;
    const rows = await tx.execute<{ customer_id: number; n: number }[]>(
      `select customer_id, count(*)::int as n from outbox_message
        where store_id = ? and customer_id = any(?::int[]) and purpose = any(?::text[]) and id <> ? and ${when}
        group by customer_id`,
      [storeId, pgArray(customerIds), pgArray(CAPPED_PURPOSES), o.except ?? 0, from, ...(o.planned ? [to] : [])],
    );
    return new Map(rows.map((r) => [r.customer_id, r.n]));
  }

  /** Messages of the store whose idempotency key starts with one of the prefixes (the care calendar's). */
  async byKeyPrefix(em: EntityManager, storeId: number, prefix: string, from: Date, to: Date): Promise<OutboxMessage[]> {
    return em.find(OutboxMessage, { store: storeId, idempotencyKey: { $like: `${prefix}%` }, scheduledAt: { $gte: from, $lt: to } }, { orderBy: { scheduledAt: 'asc', id: 'asc' } });
  }

  /** The text a message has or will have. */
  textOf(m: OutboxMessage, customerName: string, store: Store): string {
    return m.text ?? renderTemplate(m.template, m.locale, { ...m.variables, customer: customerName, store: store.name, storePhone: store.phone ?? '' });
  }

  async settings(em: EntityManager, storeId: number): Promise<OutboxSettings> {
    return (await em.findOne(OutboxSettings, { store: storeId })) ?? em.create(OutboxSettings, { store: storeId }, { persist: false });
  }

  async updateSettings(em: EntityManager, actor: StaffActor, input: Omit<OutboxSettings, 'id' | 'store' | 'version'> & { expectedVersion: number }): Promise<Result<OutboxSettings>> {
    const check = new InputCheck();
    if (parseHhmm(input.quietStart) === null) check.fail(['quietStart'], 'OUTBOX_INVALID_TIME');
    if (parseHhmm(input.quietEnd) === null) check.fail(['quietEnd'], 'OUTBOX_INVALID_TIME');
    check.range(['capCount'], input.capCount, 1, 50);
    check.range(['capWindowDays'], input.capWindowDays, 1, 90);
    check.range(['maxAttempts'], input.maxAttempts, 1, 10);
    check.range(['retryBaseSeconds'], input.retryBaseSeconds, 10, 3600);
    if (!['zh', 'en'].includes(input.defaultLocale)) check.fail(['defaultLocale'], 'OUTBOX_INVALID_LOCALE');
    if (check.failed) return refuse(...check.errors);
    return em.transactional(async (tx) => {
      await tx.execute('insert into outbox_settings (store_id) values (?) on conflict (store_id) do nothing', [actor.storeId]);
      const s = await tx.findOneOrFail(OutboxSettings, { store: actor.storeId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (s.version !== input.expectedVersion) return refuse(refusal('STALE_VERSION', check.path('expectedVersion'), { current: s.version }));
      const fields = ['quietStart', 'quietEnd', 'capCount', 'capWindowDays', 'defaultLocale', 'maxAttempts', 'retryBaseSeconds'] as const;
      const before = Object.fromEntries(fields.map((f) => [f, s[f]]));
      const after = Object.fromEntries(fields.map((f) => [f, input[f]]));
      if (JSON.stringify(before) === JSON.stringify(after)) return ok(s);
      Object.assign(s, after);
      s.version += 1;
      audit(tx, { storeId: actor.storeId, actorId: actor.staffId, action: 'outbox.settings', entity: 'OutboxSettings', entityId: s.id, data: { before, after } });
      return ok(s);
    });
  }

  private scheduleSend(tx: EntityManager, m: OutboxMessage): Promise<void> {
    return this.queue.schedule(tx, SEND_TASK, { storeId: m.store.id, messageId: m.id }, { runAt: m.scheduledAt, key: sendKey(m.id) });
  }
}

export const sendKey = (id: number) => `outbox:${id}`;
