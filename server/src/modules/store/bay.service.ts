import { type EntityManager, LockMode } from '@mikro-orm/postgresql';
import { dbId } from '../../shared/global-id.js';
import type { StaffActor } from '../../shared/actor.js';
import { InputCheck } from '../../shared/input-check.js';
import { notFound, ok, refuse, refusal, type Result } from '../../shared/result.js';
import { audit } from '../audit/audit.js';
import { Skill } from '../staff/roles.js';
import { WorkOrder } from '../work-order/work-order.entity.js';
import { WorkOrderStatus } from '../work-order/work-order.enums.js';
import { Bay } from './bay.entity.js';
import type { CreateBayInput, UpdateBayInput } from './bay.dto.js';
import { StoreSetupError as E } from './store-setup.errors.js';

export const MAX_BAY_POSITION = 999;

/** Bays of a store: created, renamed, equipped, ordered, deactivated and reactivated by a manager (Platform §5). */
export class BayService {
  list(em: EntityManager, storeId: number, includeInactive = false): Promise<Bay[]> {
    return em.find(Bay, { store: storeId, ...(includeInactive ? {} : { active: true }) }, { orderBy: { position: 'asc', id: 'asc' } });
  }

  async create(em: EntityManager, actor: StaffActor, input: CreateBayInput): Promise<Result<Bay>> {
    const check = new InputCheck();
    const name = check.text(['name'], input.name, { max: 50, required: true });
    check.range(['position'], input.position, 0, MAX_BAY_POSITION);
    if (check.failed) return refuse(...check.errors);
    return em.transactional(async (tx) => {
      await lockStore(tx, actor.storeId);
      if (await nameTaken(tx, actor.storeId, name!, null)) return refuse(refusal(E.DUPLICATE_BAY_NAME, check.path('name'), { name: name! }));
      const [{ next }] = await tx.execute<{ next: number }[]>('select coalesce(max(position) + 1, 0)::int as next from bay where store_id = ?', [actor.storeId]);
      const bay = tx.create(Bay, { store: actor.storeId, name: name!, skills: uniqueSkills(input.skills), position: input.position ?? Math.min(next, MAX_BAY_POSITION) });
      await tx.flush();
      audit(tx, { storeId: actor.storeId, actorId: actor.staffId, action: 'bay.create', entity: 'Bay', entityId: bay.id, data: { name: bay.name, skills: bay.skills, position: bay.position } });
      return ok(bay);
    });
  }

  async update(em: EntityManager, actor: StaffActor, input: UpdateBayInput): Promise<Result<Bay>> {
    const check = new InputCheck();
    const name = input.name == null ? null : check.text(['name'], input.name, { max: 50, required: true });
    check.range(['position'], input.position, 0, MAX_BAY_POSITION);
    if (check.failed) return refuse(...check.errors);
    return em.transactional(async (tx) => {
      await lockStore(tx, actor.storeId);
      const bay = await findBay(tx, actor.storeId, input.id);
      if (!bay) return refuse(notFound('Bay'));
      if (bay.version !== input.expectedVersion) return refuse(refusal('STALE_VERSION', check.path('expectedVersion'), { current: bay.version }));
      if (name != null && (await nameTaken(tx, actor.storeId, name, bay.id))) return refuse(refusal(E.DUPLICATE_BAY_NAME, check.path('name'), { name }));
      const before = { name: bay.name, skills: bay.skills, position: bay.position };
      if (name != null) bay.name = name;
      if (input.skills != null) bay.skills = uniqueSkills(input.skills);
      if (input.position != null) bay.position = input.position;
      bay.version += 1;
      audit(tx, { storeId: actor.storeId, actorId: actor.staffId, action: 'bay.update', entity: 'Bay', entityId: bay.id, data: { before, after: { name: bay.name, skills: bay.skills, position: bay.position } } });
      return ok(bay);
    });
  }

  /**
   * Takes a bay out of service (it leaves the wall and can no longer be assigned) or back in. A bay with a
   * car IN_PROGRESS cannot be deactivated: the store lock that every work-order change takes is held, so
   * no car can start on it meanwhile.
   */
  async setActive(em: EntityManager, actor: StaffActor, globalId: string, active: boolean): Promise<Result<Bay>> {
    return em.transactional(async (tx) => {
      await lockStore(tx, actor.storeId);
      const bay = await findBay(tx, actor.storeId, globalId);
      if (!bay) return refuse(notFound('Bay'));
      if (bay.active === active) return ok(bay);
      if (!active) {
        const busy = await tx.findOne(WorkOrder, { store: actor.storeId, bay: bay.id, status: WorkOrderStatus.IN_PROGRESS }, { fields: ['number'] });
        if (busy) return refuse(refusal(E.BAY_IN_USE, ['input', 'id'], { bay: bay.name, number: busy.number }));
      }
      bay.active = active;
      bay.version += 1;
      audit(tx, { storeId: actor.storeId, actorId: actor.staffId, action: active ? 'bay.reactivate' : 'bay.deactivate', entity: 'Bay', entityId: bay.id });
      return ok(bay);
    });
  }
}

/** The store row lock that work-order changes take (events/event-log.ts): bay changes are serialised with them. */
async function lockStore(tx: EntityManager, storeId: number) {
  await tx.execute('select id from store where id = ? for update', [storeId]);
}

function findBay(tx: EntityManager, storeId: number, globalId: string) {
  const id = dbId(globalId, 'Bay');
  return id ? tx.findOne(Bay, { id, store: storeId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : Promise.resolve(null);
}

async function nameTaken(tx: EntityManager, storeId: number, name: string, exceptId: number | null): Promise<boolean> {
  const rows = await tx.execute('select 1 from bay where store_id = ? and lower(name) = lower(?) and id <> ?', [storeId, name, exceptId ?? 0]);
  return rows.length > 0;
}

const uniqueSkills = (skills: readonly Skill[] | null | undefined): Skill[] => [...new Set(skills ?? [])];
