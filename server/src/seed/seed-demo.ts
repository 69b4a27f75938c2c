import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { hashPassword } from '../modules/auth/password.js';
import { hashToken, newToken, TOKEN_PREFIX } from '../modules/auth/tokens.js';
import { DisplayToken } from '../modules/display/display-token.entity.js';
import { Customer } from '../modules/customer/customer.entity.js';
import { CustomerType, ValueClass } from '../modules/customer/customer-type.js';
import { Role, Skill } from '../modules/staff/roles.js';
import { Staff } from '../modules/staff/staff.entity.js';
import { Bay } from '../modules/store/bay.entity.js';
import { Store } from '../modules/store/store.entity.js';
import { Vehicle } from '../modules/vehicle/vehicle.entity.js';
import { Job } from '../modules/work-order/job.entity.js';
import { WorkOrder } from '../modules/work-order/work-order.entity.js';
import { HoldReason, JobPayer, JobStatus, WorkOrderEventKind, WorkOrderSource, WorkOrderStatus as S } from '../modules/work-order/work-order.enums.js';
import { lockStoreForEvent, recordEvent } from '../modules/work-order/work-order-events.js';
import { findTransition } from '../modules/work-order/work-order.process.js';
import { applyTransition } from '../modules/work-order/work-order.transition.js';
import { newTrackingToken } from '../modules/work-order/work-order.service.js';
import { complaints, createRng, demoBays, demoCustomers, demoStaff, demoStore, demoVehicles, jobCatalogue } from './demo-data.js';

export const DEMO_PASSWORD = 'demo1234';
/** Like the demo password: a known wall-display token, in demo databases only. */
export const DEMO_DISPLAY_TOKEN = 'wbd_demo-wall-display-token-000000000000';

/** A step of a seeded order's history: the status it moves to, minutes after the previous step. */
interface Step {
  to: S | 'ASSIGN';
  after: number;
  holdReason?: HoldReason;
  reason?: string;
}

const RECEIVE: Step[] = [
  { to: S.AWAITING_APPROVAL, after: 15 },
  { to: S.QUEUED, after: 20 },
];
const START: Step[] = [...RECEIVE, { to: 'ASSIGN', after: 5 }, { to: S.IN_PROGRESS, after: 10 }];
const TO_QC: Step[] = [...START, { to: S.QUALITY_CHECK, after: 70 }];
const TO_READY: Step[] = [...TO_QC, { to: S.WASHING, after: 15 }, { to: S.READY, after: 20 }];

/** Scenarios covering every status and every board flag; `ago` = minutes since the order was created. */
const SCENARIOS: { path: Step[]; ago: number; promisedIn: number; waiting?: boolean; appointment?: boolean; warranty?: boolean }[] = [
  { path: [], ago: 5, promisedIn: 240 },
  { path: [{ to: S.AWAITING_APPROVAL, after: 12 }], ago: 25, promisedIn: 200, waiting: true },
  { path: [{ to: S.AWAITING_APPROVAL, after: 20 }], ago: 50, promisedIn: 180, appointment: true },
  { path: RECEIVE, ago: 40, promisedIn: 220 },
  { path: RECEIVE, ago: 45, promisedIn: 260, appointment: true },
  { path: [...RECEIVE, { to: 'ASSIGN', after: 3 }], ago: 50, promisedIn: 300, warranty: true },
  { path: START, ago: 75, promisedIn: 150, waiting: true },
  { path: START, ago: 90, promisedIn: 120, appointment: true },
  { path: START, ago: 150, promisedIn: 90, warranty: true },
  { path: [...START.slice(0, -1), { to: S.IN_PROGRESS, after: 10 }], ago: 110, promisedIn: -20 }, // overdue
  { path: START, ago: 120, promisedIn: 60 }, // stale: no update since it started
  { path: [...TO_QC, { to: S.IN_PROGRESS, after: 10, reason: '路试时仍有异响，刹车片安装不到位' }], ago: 200, promisedIn: 45 }, // rework
  { path: [...START, { to: S.ON_HOLD, after: 25, holdReason: HoldReason.WAITING_PARTS, reason: '原厂配件缺货，预计明早到货' }], ago: 130, promisedIn: 600 },
  { path: [...START, { to: S.ON_HOLD, after: 30, holdReason: HoldReason.WAITING_APPROVAL, reason: '发现刹车盘磨损，需客户确认追加项目' }], ago: 110, promisedIn: 160, waiting: true },
  { path: TO_QC, ago: 150, promisedIn: 40 },
  { path: TO_QC, ago: 170, promisedIn: 70, appointment: true },
  { path: [...TO_QC, { to: S.WASHING, after: 15 }], ago: 160, promisedIn: 30 },
  { path: [...TO_QC, { to: S.WASHING, after: 20 }], ago: 180, promisedIn: 25, waiting: true },
  { path: TO_READY, ago: 190, promisedIn: 10 },
  { path: [...TO_QC, { to: S.READY, after: 15 }], ago: 200, promisedIn: -5 },
  { path: [...TO_READY, { to: S.DELIVERED, after: 15 }], ago: 260, promisedIn: -30 },
  { path: [...TO_READY, { to: S.DELIVERED, after: 25 }], ago: 300, promisedIn: -60, appointment: true },
  { path: [...TO_READY, { to: S.DELIVERED, after: 10 }], ago: 1500, promisedIn: -1200 },
  { path: [...TO_READY, { to: S.DELIVERED, after: 30 }], ago: 2900, promisedIn: -2600, warranty: true },
  { path: [{ to: S.AWAITING_APPROVAL, after: 10 }, { to: S.CANCELLED, after: 30, reason: '客户决定改天再来' }], ago: 240, promisedIn: 0 },
];

export async function isEmpty(orm: MikroORM): Promise<boolean> {
  return (await orm.em.fork().count(Store, {})) === 0;
}

/**
 * Seeds one demo store when the database is empty. Deterministic apart from timestamps and secrets.
 * The wall display gets the fixed, published DEMO_DISPLAY_TOKEN only when `fixedWallToken` (never in
 * production, issue 9 §5); otherwise a fresh random one. Returns the wall token.
 */
export async function seedDemo(orm: MikroORM, opts: { fixedWallToken?: boolean } = {}): Promise<string> {
  const wallToken = opts.fixedWallToken === false ? newToken(TOKEN_PREFIX.display) : DEMO_DISPLAY_TOKEN;
  const rng = createRng(20261122);
  const hashes = await Promise.all(demoStaff.map(() => hashPassword(DEMO_PASSWORD)));
  await orm.em.fork().transactional(async (em) => {
    const store = em.create(Store, { name: demoStore.name, code: demoStore.code, phone: demoStore.phone, address: demoStore.address, timezone: demoStore.timezone });
    const bays = demoBays.map((b, position) => em.create(Bay, { store, name: b.name, skills: b.skills as Skill[], position }));
    const staff = demoStaff.map((s, i) =>
      em.create(Staff, { store, username: s.username, name: s.name, roles: s.roles as Role[], skills: s.skills as Skill[], businessPhone: s.businessPhone, passwordHash: hashes[i] }),
    );
    const advisors = staff.filter((s) => s.roles.includes(Role.SERVICE_ADVISOR));
    em.create(DisplayToken, { store, name: '演示看板 demo wall', tokenHash: hashToken(wallToken), createdBy: staff.find((s) => s.username === 'manager')! });
    const customers = demoCustomers(40, rng).map((c) =>
      em.create(Customer, { store, name: c.name, mobile: c.mobile, customerType: c.customerType as CustomerType, valueClass: c.valueClass as ValueClass, createdBy: advisors[0] }),
    );
    const vehicles = demoVehicles(40, rng).map((v, i) =>
      em.create(Vehicle, { store, vin: v.vin, plate: v.plate, brand: v.brand, model: v.model, color: v.color, mileageKm: v.mileageKm, owner: customers[i], createdBy: advisors[0] }),
    );
    await em.flush();
    const technicians = staff.filter((s) => s.roles.includes(Role.TECHNICIAN));
    let nextBay = 0;
    for (const [i, scenario] of SCENARIOS.entries()) {
      await seedOrder(em, { store, vehicle: vehicles[i], advisor: advisors[i % advisors.length], technicians, bay: () => bays[nextBay++ % bays.length], scenario, index: i, rng });
    }
  });
  return wallToken;
}

/** Production never honours the published demo wall token, even in a database seeded before. */
export async function revokeFixedDemoToken(orm: MikroORM): Promise<number> {
  return orm.em.fork().nativeUpdate(DisplayToken, { tokenHash: hashToken(DEMO_DISPLAY_TOKEN), revokedAt: null }, { revokedAt: new Date() });
}

async function seedOrder(
  em: EntityManager,
  o: { store: Store; vehicle: Vehicle; advisor: Staff; technicians: Staff[]; bay: () => Bay; scenario: (typeof SCENARIOS)[number]; index: number; rng: () => number },
) {
  const { scenario } = o;
  const created = new Date(Date.now() - scenario.ago * 60_000);
  const catalogue = jobCatalogue.filter((j) => o.technicians.some((t) => t.skills.includes(j.skill as Skill)));
  const jobCount = 1 + Math.floor(o.rng() * 2);
  const picks = Array.from({ length: jobCount }, () => catalogue[Math.floor(o.rng() * catalogue.length)]).filter((j, k, all) => all.indexOf(j) === k);
  const dayPrefix = `WO${new Intl.DateTimeFormat('en-CA', { timeZone: o.store.timezone }).format(created).replaceAll('-', '')}-`;
  const wo = em.create(WorkOrder, {
    store: o.store,
    number: `${dayPrefix}${String(o.index + 1).padStart(4, '0')}`,
    vehicle: o.vehicle,
    customer: o.vehicle.owner,
    advisor: o.advisor,
    complaint: complaints[o.index % complaints.length],
    mileageIn: o.vehicle.mileageKm,
    promisedAt: scenario.promisedIn ? new Date(Date.now() + scenario.promisedIn * 60_000) : null,
    source: scenario.appointment ? WorkOrderSource.APPOINTMENT : WorkOrderSource.WALK_IN,
    customerWaiting: scenario.waiting ?? false,
    trackingToken: newTrackingToken(),
    createdAt: created,
    updatedAt: created,
    statusSince: created,
  });
  picks.forEach((job, position) =>
    em.create(Job, {
      workOrder: wo,
      position,
      title: job.title,
      skill: job.skill as Skill,
      standardMinutes: Math.round(job.standardHours * 60),
      payer: scenario.warranty && position === 0 ? JobPayer.WARRANTY : JobPayer.CUSTOMER,
    }),
  );
  await em.flush();
  await recordEvent(em, wo, await lockStoreForEvent(em, o.store.id), { kind: WorkOrderEventKind.CREATED, actorId: o.advisor.id, at: created });

  let at = created;
  for (const step of scenario.path) {
    at = new Date(at.getTime() + step.after * 60_000);
    const seq = await lockStoreForEvent(em, o.store.id);
    if (step.to === 'ASSIGN') {
      const skills = new Set(picks.map((j) => j.skill as Skill));
      const crew = o.technicians.filter((t) => t.skills.some((s) => skills.has(s))).slice(0, 2);
      wo.bay = em.getReference(Bay, o.bay().id, { wrapped: true });
      wo.technicians.set(crew);
      await recordEvent(em, wo, seq, { kind: WorkOrderEventKind.ASSIGNED, actorId: null, at, data: { technicianIds: crew.map((t) => t.id) } });
      continue;
    }
    const from = wo.status;
    if (!findTransition(from, step.to, wo.startedAt != null)) throw new Error(`demo scenario ${o.index}: ${from} → ${step.to} is not in the transitions table`);
    applyTransition(wo, step.to, { at, holdReason: step.holdReason, linkTtlHours: o.store.trackingLinkTtlHours });
    // Demo only: job clocking (R-WO-4) is not built yet, so the jobs follow the order.
    if (step.to === S.IN_PROGRESS) wo.jobs.getItems().forEach((j) => (j.status = JobStatus.IN_PROGRESS));
    if (step.to === S.QUALITY_CHECK) wo.jobs.getItems().forEach((j) => (j.status = JobStatus.DONE));
    await recordEvent(em, wo, seq, { kind: WorkOrderEventKind.TRANSITIONED, from, reason: step.reason, holdReason: step.holdReason, actorId: null, at });
  }
}
