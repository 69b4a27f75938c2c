import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventLog, Fact } from '../../events/event-log.js';
import { type Actor, isManager, staffIdOf } from '../../shared/actor.js';
import { dbId } from '../../shared/global-id.js';
import { InputCheck } from '../../shared/input-check.js';
import { type PageRequest, keyset, toConnection } from '../../shared/page.js';
import type { Services } from '../../services.types.js';
import { notFound, refuse, refusal, type Refusal, type Result } from '../../shared/result.js';
import { Customer } from '../customer/customer.entity.js';
import { EstimateLineKind } from '../estimate/estimate.enums.js';
import type { ChargeableLine } from '../estimate/estimate.service.js';
import { type IssuedPartRow, matchIssuedParts } from './settlement-parts.rules.js';
import { Role } from '../staff/roles.js';
import { Staff } from '../staff/staff.entity.js';
import { Store } from '../store/store.entity.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { WorkOrderStatus as S } from '../work-order/work-order.enums.js';
import type { TransitionGuard } from '../work-order/work-order.process.js';
import type { AdjustPointsInput, ReverseSettlementInput, SettleWorkOrderInput, UpdateSettlementSettingsInput } from './dto/settlement.dto.js';
import { PointsAccount, PointsEntry, Settlement, SettlementReversal, SettlementSettings } from './settlement.entity.js';
import { InvoiceKind, SettlementEventKind } from './settlement.enums.js';
import { SettlementError as E } from './settlement.errors.js';
import type { BehaviourPointsReason } from '../segmentation/segmentation.enums.js';
import { type ChargeLine, checkRedeem, customerGrossFen, discountNeedsManager, isValidUscc, paymentsAddUp, pointsEarned, settlementNumber, settlementTotals, type SettlementTotals } from './settlement.rules.js';

/** Who settles (the cashier; managers and ADMIN pass every role check). */
export const SETTLE_ROLES = [Role.CASHIER, Role.SERVICE_MANAGER] as const;
/** Who reads settlements and previews. */
export const SETTLEMENT_READER_ROLES = [Role.CASHIER, Role.SERVICE_MANAGER, Role.SERVICE_ADVISOR] as const;
/** Statuses a work order is settled in: READY, or DELIVERED again after a reversal (a correction). */
export const SETTLEABLE: readonly S[] = [S.READY, S.DELIVERED];
const MAX_PAYMENTS = 10;
const MAX_FEN = 1_000_000_000;
export const SETTLEMENT = 'Settlement';
export const POINTS_ACCOUNT = 'PointsAccount';

/** What a preview shows. */
export interface Preview {
  lines: ChargeLine[];
  issuedParts: IssuedPartRow[];
  totals: SettlementTotals;
  pointsAvailable: number;
  pointsPerYuan: number;
}

/** What the cash desk charges (approved lines only) and how the parts issued to the order meet them. */
export interface SettlementBasis {
  lines: ChargeLine[];
  issuedParts: IssuedPartRow[];
}

/**
 * Where the lines of a settlement come from (the one place): the approved lines of the order's
 * approved estimates (the estimate module's `chargeableLines`), and the catalog parts issued to the
 * order (the parts module's `issuesOfWorkOrder`) matched against the approved PART lines (R-WO-5):
 * covered units are charged once, by the line; units beyond them are shown, never charged (R-EST-6).
 * Four statements whatever the number of lines or issues.
 */
export async function settlementLines(services: Services, em: EntityManager, storeId: number, workOrderId: number): Promise<SettlementBasis> {
  const [approved, issues] = await Promise.all([services.estimates.chargeableLines(em, storeId, workOrderId), services.parts.issuesOfWorkOrder(em, workOrderId)]);
  const lines = approved.map((l: ChargeableLine) => ({ description: l.description, kind: l.kind, amountFen: l.amountFen, payer: l.payer, taxBasisPoints: l.taxBasisPoints, taxGroup: l.estimateId, lineId: l.lineId }));
  const partLines = approved.filter((l) => l.kind === EstimateLineKind.PART).map((l) => ({ catalogPartId: l.catalogPartId, partNumber: l.partNumber, quantityMilli: l.quantityMilli ?? 0 }));
  const issued = issues.map((i) => ({ partId: i.part.id, partNumber: i.part.getEntity().partNumber, name: i.part.getEntity().name, quantity: i.quantity, returnedQuantity: i.returnedQuantity, unitPriceFen: i.unitPriceFen }));
  return { lines, issuedParts: matchIssuedParts(partLines, issued) };
}

export class SettlementService {
  constructor(
    private readonly log: EventLog,
    private readonly registry: () => Services,
  ) {}

  // ---- settings ----------------------------------------------------------------------------

  async settings(em: EntityManager, storeId: number): Promise<SettlementSettings> {
    return (await em.findOne(SettlementSettings, { store: storeId })) ?? em.create(SettlementSettings, { store: storeId }, { persist: false });
  }

  async updateSettings(em: EntityManager, actor: Actor, input: UpdateSettlementSettingsInput): Promise<Result<SettlementSettings>> {
    const check = new InputCheck();
    check.range(['discountLimitFen'], input.discountLimitFen, 0, 10_000_000);
    check.range(['pointsPerYuan'], input.pointsPerYuan, 1, 10_000);
    check.range(['pointsEarnedPerYuan'], input.pointsEarnedPerYuan, 0, 100);
    if (check.failed) return refuse(...check.errors);
    return this.log.change(em, actor, {
      type: 'SettlementSettings',
      storeId: actor.storeId,
      load: async (tx) => {
        const found = await tx.findOne(SettlementSettings, { store: actor.storeId }, { refresh: true });
        if (found) return found;
        const created = tx.create(SettlementSettings, { store: actor.storeId });
        await tx.flush();
        return created;
      },
      notFound: notFound('SettlementSettings'),
      expectedVersion: input.expectedVersion,
      apply: async (_tx, s) => {
        if (input.discountLimitFen != null) s.discountLimitFen = input.discountLimitFen;
        if (input.pointsPerYuan != null) s.pointsPerYuan = input.pointsPerYuan;
        if (input.pointsEarnedPerYuan != null) s.pointsEarnedPerYuan = input.pointsEarnedPerYuan;
        return { kind: 'UPDATED', data: { discountLimitFen: s.discountLimitFen, pointsPerYuan: s.pointsPerYuan, pointsEarnedPerYuan: s.pointsEarnedPerYuan } };
      },
    });
  }

  // ---- preview and settlement (R-DEL-3, R-SEG-5) -------------------------------------------

  /** What the order's settlement would be now (no discount, no points); null for an order not in the store. A constant number of statements. */
  async preview(em: EntityManager, storeId: number, workOrderId: number): Promise<Preview | null> {
    const wo = await em.findOne(WorkOrder, { id: workOrderId, store: storeId });
    if (!wo) return null;
    const [{ lines, issuedParts }, settings, account] = await Promise.all([
      settlementLines(this.registry(), em, storeId, wo.id),
      this.settings(em, storeId),
      em.findOne(PointsAccount, { customer: wo.customer.id }),
    ]);
    return { lines, issuedParts, totals: settlementTotals(lines), pointsAvailable: account?.balance ?? 0, pointsPerYuan: settings.pointsPerYuan };
  }

  /**
   * Settles a READY order: approved lines only, discount (over the store's limit a manager's),
   * points redeemed at the store's rate, tax as the estimate rules, split payments adding up exactly,
   * the invoice; numbered per store without gaps under the store lock; points earned on what the
   * customer paid. One transaction; nothing is written when anything is refused.
   */
  async settle(em: EntityManager, actor: Actor, input: SettleWorkOrderInput): Promise<Result<Settlement>> {
    const storeId = actor.storeId;
    const check = new InputCheck();
    const discountFen = input.discountFen ?? 0;
    const points = input.pointsToRedeem ?? 0;
    check.range(['discountFen'], discountFen, 0, MAX_FEN);
    check.range(['pointsToRedeem'], points, 0, MAX_FEN);
    const discountReason = check.text(['discountReason'], input.discountReason, { max: 200 });
    if (discountFen > 0 && !discountReason && !check.errors.some((e) => e.field?.[1] === 'discountReason')) check.fail(['discountReason'], E.DISCOUNT_REASON_REQUIRED);
    if (input.payments.length > MAX_PAYMENTS) check.fail(['payments'], E.TOO_MANY, { max: MAX_PAYMENTS });
    const payments = input.payments.slice(0, MAX_PAYMENTS).map((p, i) => {
      check.range(['payments', i, 'amountFen'], p.amountFen, 1, MAX_FEN);
      return { method: p.method, amountFen: p.amountFen, reference: check.text(['payments', i, 'reference'], p.reference, { max: 64 }) };
    });
    let invoice: { kind: InvoiceKind; companyName: string | null; taxId: string | null } | null = null;
    if (input.invoice) {
      const companyName = check.text(['invoice', 'companyName'], input.invoice.companyName, { max: 100 });
      const taxId = input.invoice.taxId?.trim().toUpperCase() || null;
      if (input.invoice.kind === InvoiceKind.SPECIAL) {
        if (!companyName && !check.errors.some((e) => e.field?.[2] === 'companyName')) check.fail(['invoice', 'companyName'], 'REQUIRED');
        if (!taxId) check.fail(['invoice', 'taxId'], 'REQUIRED');
      }
      if (taxId && !isValidUscc(taxId)) check.fail(['invoice', 'taxId'], E.INVALID_TAX_ID);
      invoice = { kind: input.invoice.kind, companyName, taxId };
    }
    const workOrderId = dbId(input.workOrderId, 'WorkOrder');
    if (!workOrderId) return refuse(notFound('WorkOrder', ['input', 'workOrderId']));
    if (check.failed) return refuse(...check.errors);

    return this.log.create(em, actor, {
      type: SETTLEMENT,
      storeId,
      build: async (tx, at) => {
        const wo = await tx.findOne(WorkOrder, { id: workOrderId, store: storeId }, { refresh: true });
        if (!wo) return [notFound('WorkOrder', ['input', 'workOrderId'])];
        if (!SETTLEABLE.includes(wo.status)) return [refusal(E.WORK_ORDER_NOT_SETTLEABLE, ['input', 'workOrderId'], { status: wo.status })];
        const active = await activeSettlement(tx, wo.id);
        if (active) return [refusal(E.ALREADY_SETTLED, ['input', 'workOrderId'], { number: active.number })];
        const { lines, issuedParts } = await settlementLines(this.registry(), tx, storeId, wo.id);
        if (!lines.length) return [refusal(E.NOTHING_TO_SETTLE, ['input', 'workOrderId'])];
        const settings = await this.settings(tx, storeId);
        const gross = customerGrossFen(lines);
        if (discountFen > gross) return [refusal(E.DISCOUNT_EXCEEDS_AMOUNT, ['input', 'discountFen'], { due: (gross / 100).toFixed(2) })];
        if (discountNeedsManager(discountFen, settings.discountLimitFen) && !isManager(actor)) return [refusal(E.DISCOUNT_NEEDS_MANAGER, ['input', 'discountFen'], { limit: (settings.discountLimitFen / 100).toFixed(2) })];
        const account = await this.account(tx, storeId, wo.customer.id);
        let pointsFen = 0;
        if (points > 0) {
          const redeem = checkRedeem(points, account.balance, settings.pointsPerYuan, gross - discountFen);
          if ('problem' in redeem) return [refusal(E[redeem.problem], ['input', 'pointsToRedeem'], { balance: account.balance, rate: settings.pointsPerYuan })];
          pointsFen = redeem.fen;
        }
        const totals = settlementTotals(lines, discountFen, pointsFen);
        const paid = payments.reduce((s, p) => s + p.amountFen, 0);
        if (!paymentsAddUp(payments.map((p) => p.amountFen), totals.customerFen)) return [refusal(E.PAYMENTS_DO_NOT_ADD_UP, ['input', 'payments'], { paid, due: totals.customerFen })];

        const store = await tx.findOneOrFail(Store, storeId);
        const day = new Intl.DateTimeFormat('en-CA', { timeZone: store.timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at).replaceAll('-', '');
        const [last] = await tx.find(Settlement, { store: storeId, number: { $like: `JS${day}%` } }, { orderBy: { number: 'desc' }, limit: 1, fields: ['number'] });
        const earned = pointsEarned(totals.customerFen, settings.pointsEarnedPerYuan);
        const staffId = staffIdOf(actor);
        const settlement = tx.create(Settlement, {
          store: storeId,
          workOrder: wo,
          customer: wo.customer.id,
          number: settlementNumber(day, last?.number ?? null),
          lineRows: lines.map((l) => ({ description: l.description, kind: l.kind, amountFen: l.amountFen, payer: l.payer, estimateLineId: l.lineId ?? 0 })),
          ...totals,
          discountReason: discountFen > 0 ? discountReason : null,
          pointsRedeemed: points,
          pointsEarned: earned,
          paymentRows: payments,
          issuedPartRows: issuedParts,
          invoiceKind: invoice?.kind ?? null,
          invoiceCompanyName: invoice?.companyName ?? null,
          invoiceTaxId: invoice?.taxId ?? null,
          settledBy: staffId ? tx.getReference(Staff, staffId, { wrapped: true }) : null,
          settledAt: at,
        });
        await tx.flush();
        const facts: Fact[] = [
          {
            kind: SettlementEventKind.SETTLED,
            data: { workOrderId: wo.id, customerId: wo.customer.id, number: settlement.number, customerFen: totals.customerFen, totalFen: totals.totalFen, pointsRedeemed: points, pointsEarned: earned },
          },
        ];
        if (points > 0) await this.post(tx, actor, account, -points, `结算抵扣 ${settlement.number}`, settlement, at);
        if (earned > 0) await this.post(tx, actor, account, earned, `消费积分 ${settlement.number}`, settlement, at);
        if (points > 0 || earned > 0) facts.push({ kind: SettlementEventKind.POINTS_ADJUSTED, aggregate: { type: POINTS_ACCOUNT, id: account.id }, data: { customerId: wo.customer.id, balance: account.balance, settlementId: settlement.id } });
        return { aggregate: settlement, facts };
      },
    });
  }

  /**
   * A correction: a manager reverses a settlement with the reason (immutable, once). Redeemed points
   * are given back and earned points taken back (refused with POINTS_ALREADY_SPENT when the customer
   * has spent them). The order may then be settled again.
   */
  async reverse(em: EntityManager, actor: Actor, input: ReverseSettlementInput): Promise<Result<SettlementReversal>> {
    const storeId = actor.storeId;
    const check = new InputCheck();
    const reason = check.text(['reason'], input.reason, { max: 500, required: true, multiline: true });
    const settlementId = dbId(input.settlementId, SETTLEMENT);
    if (!settlementId) return refuse(notFound(SETTLEMENT, ['input', 'settlementId']));
    if (check.failed) return refuse(...check.errors);
    return this.log.create(em, actor, {
      type: 'SettlementReversal',
      storeId,
      build: async (tx, at) => {
        const settlement = await tx.findOne(Settlement, { id: settlementId, store: storeId });
        if (!settlement) return [notFound(SETTLEMENT, ['input', 'settlementId'])];
        if (await tx.count(SettlementReversal, { settlement: settlement.id })) return [refusal(E.ALREADY_REVERSED, ['input', 'settlementId'])];
        const account = await this.account(tx, storeId, settlement.customer.id);
        const delta = settlement.pointsRedeemed - settlement.pointsEarned;
        if (account.balance + delta < 0) return [refusal(E.POINTS_ALREADY_SPENT, ['input', 'settlementId'], { balance: account.balance })];
        const staffId = staffIdOf(actor);
        const reversal = tx.create(SettlementReversal, { store: storeId, settlement, reason: reason!, reversedBy: staffId ? tx.getReference(Staff, staffId, { wrapped: true }) : null, reversedAt: at });
        await tx.flush();
        if (settlement.pointsRedeemed > 0) await this.post(tx, actor, account, settlement.pointsRedeemed, `冲销退回 ${settlement.number}`, settlement, at);
        if (settlement.pointsEarned > 0) await this.post(tx, actor, account, -settlement.pointsEarned, `冲销扣回 ${settlement.number}`, settlement, at);
        const facts: Fact[] = [{ kind: SettlementEventKind.REVERSED, aggregate: { type: SETTLEMENT, id: settlement.id }, data: { workOrderId: settlement.workOrder.id, number: settlement.number, reason, reversalId: reversal.id } }];
        if (delta !== 0 || settlement.pointsRedeemed > 0) facts.push({ kind: SettlementEventKind.POINTS_ADJUSTED, aggregate: { type: POINTS_ACCOUNT, id: account.id }, data: { customerId: settlement.customer.id, balance: account.balance, settlementId: settlement.id } });
        return { aggregate: reversal, facts };
      },
    });
  }

  // ---- points (R-SEG-5) --------------------------------------------------------------------

  /** Adds or takes points by hand with the reason (behaviour points, corrections); the balance never goes below 0. */
  async adjustPoints(em: EntityManager, actor: Actor, input: AdjustPointsInput): Promise<Result<PointsAccount>> {
    const storeId = actor.storeId;
    const check = new InputCheck();
    const reason = check.text(['reason'], input.reason, { max: 200, required: true });
    check.range(['delta'], input.delta, -MAX_FEN, MAX_FEN);
    if (input.delta === 0) check.fail(['delta'], 'REQUIRED');
    const customerId = dbId(input.customerId, 'Customer');
    if (!customerId) return refuse(notFound('Customer', ['input', 'customerId']));
    if (check.failed) return refuse(...check.errors);
    return this.log.change(em, actor, {
      type: POINTS_ACCOUNT,
      storeId,
      load: async (tx) => ((await tx.count(Customer, { id: customerId, store: storeId })) ? this.account(tx, storeId, customerId) : null),
      notFound: notFound('Customer', ['input', 'customerId']),
      apply: async (tx, account, at) => {
        if (account.balance + input.delta < 0) return [refusal(E.POINTS_EXCEED_BALANCE, ['input', 'delta'], { balance: account.balance })];
        await this.post(tx, actor, account, input.delta, reason!, null, at);
        return { kind: SettlementEventKind.POINTS_ADJUSTED, data: { customerId, delta: input.delta, balance: account.balance, reason } };
      },
    });
  }

  /**
   * R-SEG-5: behaviour points (check-in, sharing…) into the same ledger as consumption points, with
   * their reason and who gave them; at most `dailyCap` behaviour points per customer from `dayStart`
   * (the store's day), counted under the store lock so that concurrent awards cannot pass it together.
   */
  async awardBehaviour(
    em: EntityManager,
    actor: Actor,
    input: { customerId: number; points: number; behaviour: BehaviourPointsReason; reason: string; dailyCap: number; dayStart: Date },
  ): Promise<Result<PointsAccount>> {
    const storeId = actor.storeId;
    return this.log.change(em, actor, {
      type: POINTS_ACCOUNT,
      storeId,
      load: async (tx) => ((await tx.count(Customer, { id: input.customerId, store: storeId })) ? this.account(tx, storeId, input.customerId) : null),
      notFound: notFound('Customer', ['input', 'customerId']),
      apply: async (tx, account, at) => {
        const [{ awarded }] = await tx.execute<{ awarded: number }[]>('select coalesce(sum(delta), 0)::int as awarded from points_entry where account_id = ? and behaviour is not null and at >= ?', [account.id, input.dayStart]);
        if (awarded + input.points > input.dailyCap) return [refusal('POINTS_DAILY_CAP_REACHED', ['input', 'points'], { cap: input.dailyCap, awarded })];
        await this.post(tx, actor, account, input.points, input.reason, null, at, input.behaviour);
        return { kind: SettlementEventKind.POINTS_ADJUSTED, data: { customerId: input.customerId, delta: input.points, balance: account.balance, reason: input.reason, behaviour: input.behaviour } };
      },
    });
  }

  /** The customer's account, created empty on first use (under the store lock held by the caller). */
  private async account(tx: EntityManager, storeId: number, customerId: number): Promise<PointsAccount> {
    const found = await tx.findOne(PointsAccount, { customer: customerId }, { refresh: true });
    if (found) return found;
    const created = tx.create(PointsAccount, { store: storeId, customer: customerId });
    await tx.flush();
    return created;
  }

  /** One ledger entry and the balance with it (the database refuses a negative balance as a last net). */
  private async post(tx: EntityManager, actor: Actor, account: PointsAccount, delta: number, reason: string, settlement: Settlement | null, at: Date, behaviour: BehaviourPointsReason | null = null): Promise<void> {
    account.balance += delta;
    const staffId = staffIdOf(actor);
    tx.create(PointsEntry, { account, delta, balanceAfter: account.balance, reason, settlement, behaviour, recordedBy: staffId ? tx.getReference(Staff, staffId, { wrapped: true }) : null, at });
    await tx.flush();
  }

  async balance(em: EntityManager, customerId: number): Promise<number> {
    return (await em.findOne(PointsAccount, { customer: customerId }))?.balance ?? 0;
  }

  /** The ledger, newest first (Relay connection). */
  async history(em: EntityManager, customerId: number, page: PageRequest) {
    const { where, options } = keyset(page, 'desc');
    const filter = { account: { customer: customerId }, ...where };
    const [rows, total] = await Promise.all([em.find(PointsEntry, filter, options), em.count(PointsEntry, { account: { customer: customerId } })]);
    return toConnection(rows, total, page);
  }

  // ---- reads -------------------------------------------------------------------------------

  /** The order's settlement in force (not reversed), if any. */
  active(em: EntityManager, workOrderId: number): Promise<Settlement | null> {
    return activeSettlement(em, workOrderId);
  }

  reversalOf(em: EntityManager, settlementId: number): Promise<SettlementReversal | null> {
    return em.findOne(SettlementReversal, { settlement: settlementId });
  }
}

async function activeSettlement(em: EntityManager, workOrderId: number): Promise<Settlement | null> {
  const rows = await em.execute<{ id: number }[]>(
    'select s.id from settlement s where s.work_order_id = ? and not exists (select 1 from settlement_reversal r where r.settlement_id = s.id) order by s.id desc limit 1',
    [workOrderId],
  );
  return rows.length ? em.findOne(Settlement, rows[0].id) : null;
}

/** R-DEL-3: READY → DELIVERED only with a settlement in force. Applies to every actor, the system (demo seed) included. */
export const settlementRequired: TransitionGuard = {
  name: 'settlement.required',
  applies: (from, to) => from === S.READY && to === S.DELIVERED,
  check: async ({ tx, workOrder }): Promise<Refusal[] | null> => ((await activeSettlement(tx, workOrder.id)) ? null : [refusal(E.SETTLEMENT_REQUIRED, ['input', 'to'])]),
};
