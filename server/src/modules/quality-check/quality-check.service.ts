import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventLog } from '../../events/event-log.js';
import { type Actor, systemActor } from '../../shared/actor.js';
import { dbId } from '../../shared/global-id.js';
import { InputCheck } from '../../shared/input-check.js';
import { notFound, refuse, refusal, type Refusal, type Result } from '../../shared/result.js';
import { Role } from '../staff/roles.js';
import { Staff } from '../staff/staff.entity.js';
import { WORK_ORDER } from '../work-order/work-order-event.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { QualityLevel as L, WorkOrderEventKind, WorkOrderStatus as S } from '../work-order/work-order.enums.js';
import { actorMayMove, findTransition, type TransitionEffect, type TransitionGuard } from '../work-order/work-order.process.js';
import type { WorkOrderService } from '../work-order/work-order.service.js';
import type { SignQualityCheckInput } from './dto/quality-check.dto.js';
import { QualityCheck } from './quality-check.entity.js';
import { QualityResult } from './quality-check.enums.js';
import { QualityCheckError as E } from './quality-check.errors.js';
import { currentRound, finalPassed, signVerdict } from './quality-check.rules.js';

/** Who may call signQualityCheck (the service decides which level each may sign). */
export const QC_SIGNER_ROLES = [Role.TECHNICIAN, Role.TEAM_LEADER, Role.QC_INSPECTOR] as const;

const checkLoaders = new WeakMap<EntityManager, DataLoader<number, QualityCheck[]>>();

export interface QualityCheckPorts {
  workOrders: WorkOrderService;
}

class Refused extends Error {
  constructor(readonly refusals: Refusal[]) {
    super('refused');
  }
}

export class QualityCheckService {
  constructor(
    private readonly log: EventLog,
    private readonly ports: () => QualityCheckPorts,
  ) {}

  private async inOne<T>(em: EntityManager, work: (tx: EntityManager) => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await em.transactional(async (tx) => {
        const result = await work(tx);
        if (!result.ok) throw new Refused(result.errors);
        return result;
      });
    } catch (e) {
      if (e instanceof Refused) return refuse(...e.refusals);
      throw e;
    }
  }

  /**
   * R-QC-1/2: signs one level. A FAIL records the cause and the responsible person and sends the order
   * back to IN_PROGRESS as rework through the transitions table (QUALITY_CHECK → IN_PROGRESS with the
   * cause as its reason; reworkCount counts it and the next signature opens a new round), in the same
   * transaction: either both are written or neither.
   */
  async sign(em: EntityManager, actor: Actor, input: SignQualityCheckInput): Promise<Result<WorkOrder>> {
    if (actor.kind !== 'staff') return refuse(refusal(E.QC_ROLE_REQUIRED, ['input', 'level'], { level: `QC_${input.level}`, role: `QC_BY_${Role.QC_INSPECTOR}` }));
    const storeId = actor.storeId;
    const staffId = actor.staffId;
    const check = new InputCheck();
    const notes = check.text(['notes'], input.notes, { max: 1000, multiline: true });
    const cause = check.text(['cause'], input.cause, { max: 500, multiline: true });
    const responsibleId = input.responsibleId?.trim() ? dbId(input.responsibleId, 'Staff') : null;
    if (input.responsibleId?.trim() && !responsibleId) check.fail(['responsibleId'], 'INVALID_ID');
    const fail = input.result === QualityResult.FAIL;
    if (fail) {
      if (!cause && !check.errors.some((e) => e.field?.[1] === 'cause')) check.fail(['cause'], E.CAUSE_REQUIRED);
      if (!input.responsibleId?.trim()) check.fail(['responsibleId'], E.RESPONSIBLE_REQUIRED);
    } else {
      if (cause) check.fail(['cause'], E.NOT_APPLICABLE_ON_PASS);
      if (input.responsibleId?.trim()) check.fail(['responsibleId'], E.NOT_APPLICABLE_ON_PASS);
    }
    if (input.roadTest && input.level !== L.FINAL) check.fail(['roadTest'], E.ROAD_TEST_FINAL_ONLY);
    const workOrderId = dbId(input.workOrderId, 'WorkOrder');
    if (!workOrderId) return refuse(notFound('WorkOrder', ['input', 'workOrderId']));
    if (check.failed) return refuse(...check.errors);

    return this.inOne(em, async (tx) => {
      const signed = await this.log.change(tx, actor, {
        type: WORK_ORDER,
        storeId,
        load: (t) => t.findOne(WorkOrder, { id: workOrderId, store: storeId }, { refresh: true }),
        notFound: notFound('WorkOrder', ['input', 'workOrderId']),
        apply: async (t, wo, at) => {
          if (wo.status !== S.QUALITY_CHECK) return [refusal(E.ORDER_NOT_IN_QUALITY_CHECK, ['input', 'workOrderId'], { status: wo.status })];
          await wo.technicians.init();
          const round = currentRound(wo.reworkCount);
          const rows = await t.find(QualityCheck, { workOrder: wo.id });
          const verdict = signVerdict({
            level: input.level,
            round,
            signerId: staffId,
            roles: actor.roles,
            onCrew: wo.technicians.getIdentifiers<number>().includes(staffId),
            signed: rows.map((r) => ({ round: r.round, level: r.level, result: r.result, signerId: r.signedBy.id })),
          });
          if (verdict) return [refusal(verdict.code, ['input', 'level'], verdict.params)];
          const responsible = responsibleId ? await t.findOne(Staff, { id: responsibleId, store: storeId }) : null;
          if (responsibleId && !responsible) return [notFound('Staff', ['input', 'responsibleId'])];
          const row = t.create(QualityCheck, {
            store: storeId,
            workOrder: wo,
            round,
            level: input.level,
            result: input.result,
            roadTest: input.roadTest === true,
            notes,
            cause: fail ? cause : null,
            signedAt: at,
            signedBy: t.getReference(Staff, staffId, { wrapped: true }),
            responsible: responsible ? t.getReference(Staff, responsible.id, { wrapped: true }) : null,
          });
          if (!fail) wo.qualityLevel = input.level;
          await t.flush();
          return {
            kind: WorkOrderEventKind.QUALITY_CHECK_SIGNED,
            data: { to: wo.status, qualityCheckId: row.id, round, level: input.level, result: input.result, roadTest: row.roadTest, cause: row.cause ?? null, responsibleId: responsible?.id ?? null },
          };
        },
      });
      if (!signed.ok || !fail) return signed;
      // R-QC-2: back to IN_PROGRESS as rework, with the cause as the move's reason. A technician failing
      // their own self-check is not a mover of this row of the table: the system moves it for them.
      const rule = findTransition(S.QUALITY_CHECK, S.IN_PROGRESS, true)!;
      const mover = actorMayMove(rule, actor) ? actor : systemActor(storeId, 'quality-check');
      return this.ports().workOrders.transition(tx, mover, { id: signed.value.globalId, to: S.IN_PROGRESS, reason: cause });
    });
  }

  /** Every signed level of an order, oldest first (batched per request). */
  checksOf(em: EntityManager, workOrderId: number): Promise<QualityCheck[]> {
    let loader = checkLoaders.get(em);
    if (!loader) {
      loader = new DataLoader<number, QualityCheck[]>(async (ids) => {
        const rows = await em.find(QualityCheck, { workOrder: { $in: [...ids] } }, { orderBy: { round: 'asc', signedAt: 'asc', id: 'asc' } });
        return ids.map((id) => rows.filter((r) => r.workOrder.id === id));
      });
      checkLoaders.set(em, loader);
    }
    return loader.load(workOrderId);
  }
}

/** R-QC-1: QUALITY_CHECK → WASHING/READY only once FINAL has passed in the current round — for every actor, the system included. */
export const finalCheckRequired: TransitionGuard = {
  name: 'quality-check.final-required',
  applies: (from, to) => from === S.QUALITY_CHECK && (to === S.WASHING || to === S.READY),
  check: async ({ tx, workOrder }) => {
    const rows = await tx.find(QualityCheck, { workOrder: workOrder.id, level: L.FINAL, result: QualityResult.PASS });
    return finalPassed(rows, currentRound(workOrder.reworkCount)) ? null : [refusal(E.QC_FINAL_REQUIRED, ['input', 'to'])];
  },
};

/** R-QC-2: rework (QUALITY_CHECK → IN_PROGRESS, by a FAIL or by transitionWorkOrder) starts a new round: no level is done in it yet. */
export const reworkStartsNewRound: TransitionEffect = {
  name: 'quality-check.new-round',
  applies: (from, to) => from === S.QUALITY_CHECK && to === S.IN_PROGRESS,
  run: async ({ workOrder }) => {
    workOrder.qualityLevel = null;
  },
};
