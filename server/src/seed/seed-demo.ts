import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { hashPassword } from '../modules/auth/password.js';
import { hashToken } from '../modules/auth/tokens.js';
import type { CreateCustomerInput } from '../modules/customer/dto.js';
import { CustomerService } from '../modules/customer/customer.service.js';
import { DisplayTokenService } from '../modules/display/display-token.service.js';
import type { CreateStaffInput } from '../modules/staff/staff-admin.dto.js';
import { StaffAdminService } from '../modules/staff/staff-admin.service.js';
import type { CreateBayInput } from '../modules/store/bay.dto.js';
import { BayService } from '../modules/store/bay.service.js';
import type { CreateVehicleInput } from '../modules/vehicle/dto.js';
import { VehicleService } from '../modules/vehicle/vehicle.service.js';
import { DisplayToken } from '../modules/display/display-token.entity.js';
import { CustomerType } from '../modules/customer/customer-type.js';
import { seedSegmentHistory } from '../modules/segmentation/segmentation.seed.js';
import { Role, Skill } from '../modules/staff/roles.js';
import { Staff } from '../modules/staff/staff.entity.js';
import { Bay } from '../modules/store/bay.entity.js';
import { DealerGroup } from '../modules/dealer-group/dealer-group.entity.js';
import { Store } from '../modules/store/store.entity.js';
import { Vehicle } from '../modules/vehicle/vehicle.entity.js';
import { Job } from '../modules/work-order/job.entity.js';
import { WorkOrder } from '../modules/work-order/work-order.entity.js';
import type { AssignWorkOrderInput } from '../modules/work-order/dto/assign-work-order.input.js';
import type { CreateWorkOrderInput } from '../modules/work-order/dto/create-work-order.input.js';
import type { TransitionWorkOrderInput } from '../modules/work-order/dto/transition-work-order.input.js';
import { HoldReason, JobPayer, JobStatus, QualityLevel, WorkOrderSource, WorkOrderStatus as S } from '../modules/work-order/work-order.enums.js';
import { ClockAction } from '../modules/job-clock/dto/job-clock.dto.js';
import { QualityResult } from '../modules/quality-check/quality-check.enums.js';
import type { RecordWalkAroundInput } from '../modules/reception/dto/walk-around.dto.js';
import { DamageArea, DamageKind } from '../modules/reception/reception.enums.js';
import { UploadPurpose } from '../modules/upload/upload.enums.js';
import { type AppConfig, readConfig } from '../config.js';
import { createServices, type Services } from '../services.js';
import type { SettleWorkOrderInput } from '../modules/settlement/dto/settlement.dto.js';
import { InvoiceKind, PaymentMethod } from '../modules/settlement/settlement.enums.js';
import { DEMO_OIL_PART, seedParts } from '../modules/parts/parts.seed.js';
import { Part } from '../modules/parts/parts.entity.js';
import { type StaffActor, systemActor } from '../shared/actor.js';
import { toGlobalId } from '../shared/global-id.js';
import { ManualClock, systemClock } from '../shared/clock.js';
import { EventLog } from '../events/event-log.js';
import type { Result } from '../shared/result.js';
import { seedAppointments } from '../modules/appointment/appointment.seed.js';
import { seedCare } from '../modules/care/care.seed.js';
import type { AddSupplementalWorkInput, SaveEstimateInput } from '../modules/estimate/dto/estimate.dto.js';
import { ApprovalMethod, EstimateLineKind, EstimatePayer, PartSource } from '../modules/estimate/estimate.enums.js';
import { seedComplaints } from './seed-complaints.js';
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
/**
 * `estimate`: how the demo estimate went besides being sent and approved — kept as a DRAFT (the order is
 * still being received), SUPERSEDED by a second one before it was sent, or a supplemental estimate the
 * customer DECLINED before the quality check. Together with SENT and APPROVED every estimate state shows.
 */
const SCENARIOS: { path: Step[]; ago: number; promisedIn: number; waiting?: boolean; appointment?: boolean; warranty?: boolean; estimate?: 'DRAFT' | 'SUPERSEDED' | 'SUPPLEMENT_DECLINED' }[] = [
  { path: [], ago: 5, promisedIn: 240, estimate: 'DRAFT' },
  { path: [{ to: S.AWAITING_APPROVAL, after: 12 }], ago: 25, promisedIn: 200, waiting: true },
  { path: [{ to: S.AWAITING_APPROVAL, after: 20 }], ago: 50, promisedIn: 180, appointment: true, estimate: 'SUPERSEDED' },
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
  { path: TO_QC, ago: 170, promisedIn: 70, appointment: true, estimate: 'SUPPLEMENT_DECLINED' },
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

/** Scenarios that end with the car in progress go last, so each finds a free bay (a bay holds one car in progress). */
const SEED_ORDER = SCENARIOS.map((_, i) => i).sort((a, b) => Number(endsInProgress(a)) - Number(endsInProgress(b)));
function endsInProgress(i: number): boolean {
  return SCENARIOS[i].path.at(-1)?.to === S.IN_PROGRESS;
}

/**
 * Seeds one demo store when the database is empty. The store, its staff and its archive are inserted
 * directly (the set-up services act for a signed-in manager, and there is none yet); every work order is created and moved through
 * WorkOrderService as the system actor, with a clock set to each step's time, so the histories obey
 * every rule of the process and land in the event log like any other change. The wall display gets
 * the fixed, published DEMO_DISPLAY_TOKEN only when `fixedWallToken` (never in production, issue 9
 * §5); otherwise a fresh random one. Returns the wall token.
 */
export async function seedDemo(orm: MikroORM, opts: { now?: Date; fixedWallToken?: boolean; config?: AppConfig } = {}): Promise<string> {
  const now = opts.now ?? new Date();
  let wallTokenMade: string | null = null;
  const rng = createRng(20261122);
  const em = orm.em.fork();
  // Bootstrap: the group, the store and its first administrator are inserted (nobody exists yet to
  // call a service); everyone and everything else goes through the services, as in a real set-up.
  const [first, ...others] = demoStaff;
  const { store, admin } = await em.transactional(async (tx) => {
    const dealerGroup = tx.create(DealerGroup, { name: demoStore.name });
    const store = tx.create(Store, { name: demoStore.name, code: demoStore.code, phone: demoStore.phone, address: demoStore.address, timezone: demoStore.timezone, dealerGroup });
    const admin = tx.create(Staff, {
      store,
      username: first.username,
      name: first.name,
      roles: first.roles as Role[],
      skills: first.skills as Skill[],
      businessPhone: first.businessPhone,
      passwordHash: await hashPassword(DEMO_PASSWORD),
    });
    return { store, admin };
  });
  if (!admin.roles.includes(Role.ADMIN)) throw new Error('demo seed: the first demo staff member must be the administrator');
  const asAdmin: StaffActor = { kind: 'staff', staffId: admin.id, storeId: store.id, roles: admin.roles };
  const staffAdmin = new StaffAdminService();
  const staff: Staff[] = [admin];
  for (const s of others) {
    const input = { username: s.username, name: s.name, roles: s.roles as Role[], skills: s.skills as Skill[], businessPhone: s.businessPhone, password: DEMO_PASSWORD } as CreateStaffInput;
    staff.push(expectOk(`staff ${s.username}`, await staffAdmin.create(orm.em.fork(), asAdmin, input)).staff);
  }
  const bayService = new BayService();
  const bays: Bay[] = [];
  for (const b of demoBays) bays.push(expectOk(`bay ${b.name}`, await bayService.create(orm.em.fork(), asAdmin, { name: b.name, skills: b.skills as Skill[] } as CreateBayInput)));
  const manager = staff.find((s) => s.username === 'manager')!;
  // The published demo token is inserted as is (demo databases only); otherwise the service makes one.
  if (opts.fixedWallToken === false) {
    const made = expectOk('wall display', await new DisplayTokenService().create(orm.em.fork(), { kind: 'staff', staffId: manager.id, storeId: store.id, roles: manager.roles }, '演示看板 demo wall'));
    wallTokenMade = made.token;
  } else {
    await orm.em.fork().insert(DisplayToken, { store: store.id, name: '演示看板 demo wall', tokenHash: hashToken(DEMO_DISPLAY_TOKEN), createdBy: manager.id, createdAt: new Date() });
  }
  const advisors = staff.filter((s) => s.roles.includes(Role.SERVICE_ADVISOR));
  const asAdvisor: StaffActor = { kind: 'staff', staffId: advisors[0].id, storeId: store.id, roles: advisors[0].roles };
  const customerService = new CustomerService();
  const vehicleService = new VehicleService(new EventLog(systemClock));
  const vehicles: Vehicle[] = [];
  const people = demoCustomers(40, rng);
  const cars = demoVehicles(40, rng);
  for (const [i, c] of people.entries()) {
    const customer = expectOk(`customer ${i}`, await customerService.create(orm.em.fork(), asAdvisor, { name: c.name, mobile: c.mobile, customerType: c.customerType as CustomerType } as CreateCustomerInput));
    const v = cars[i];
    vehicles.push(
      expectOk(`vehicle ${i}`, await vehicleService.create(orm.em.fork(), asAdvisor, { vin: v.vin, plate: v.plate, brand: v.brand, model: v.model, color: v.color, mileageKm: v.mileageKm, ownerId: customer.globalId } as CreateVehicleInput)),
    );
  }
  const setUp = {
    store,
    bays,
    advisors,
    vehicles,
    technicians: staff.filter((s) => s.roles.includes(Role.TECHNICIAN)),
    leader: staff.find((s) => s.roles.includes(Role.TEAM_LEADER))!,
    inspector: staff.find((s) => s.roles.includes(Role.QC_INSPECTOR))!,
  };

  // R-SEG-3: each customer's past visits; their value classes are computed from them at the end.
  await seedSegmentHistory(orm.em.fork(), { storeId: store.id, advisorId: advisors[0].id, now, rng: createRng(20261124), customers: people.map((c, i) => ({ customerId: vehicles[i].owner.id, vehicleId: vehicles[i].id, history: c.history })) });

  const clock = new ManualClock(now);
  // The product's services, with every module's transition guards (R-REC-3 holds for the seed too).
  const services = createServices(orm, opts.config ?? readConfig(process.env), [], clock);
  const picks = SCENARIOS.map(() => pickJobs(setUp.technicians, rng));
  // The catalog was there before the cars came in: estimates price their oil from it (R-WO-5).
  clock.set(new Date(now.getTime() - 7 * 86_400_000));
  await seedParts(orm.em.fork(), services, store.id);
  const oil = await orm.em.fork().findOneOrFail(Part, { store: store.id, partNumber: DEMO_OIL_PART });
  for (const i of SEED_ORDER) {
    await seedOrder(orm.em.fork(), services, clock, { ...setUp, now, scenario: SCENARIOS[i], picks: picks[i], index: i, oilPartId: oil.globalId });
  }
  await seedJobWaitingForParts(orm.em.fork(), services, clock, store.id);
  await seedAppointments(orm, { now, storeCode: demoStore.code });
  await services.segmentation.recomputeStore(store.id);
  await seedComplaints(orm, services, clock, { storeId: store.id, now, staff });
  clock.set(now);
  await seedCare(services, { now, storeId: store.id, advisor: asAdvisor });
  return wallTokenMade ?? DEMO_DISPLAY_TOKEN;
}

function pickJobs(technicians: Staff[], rng: () => number) {
  const catalogue = jobCatalogue.filter((j) => technicians.some((t) => t.skills.includes(j.skill as Skill)));
  const jobCount = 1 + Math.floor(rng() * 2);
  return Array.from({ length: jobCount }, () => catalogue[Math.floor(rng() * catalogue.length)]).filter((j, k, all) => all.indexOf(j) === k);
}

async function seedOrder(
  em: EntityManager,
  services: Services,
  clock: ManualClock,
  o: { store: Store; bays: Bay[]; advisors: Staff[]; vehicles: Vehicle[]; technicians: Staff[]; leader: Staff; inspector: Staff; now: Date; scenario: (typeof SCENARIOS)[number]; picks: ReturnType<typeof pickJobs>; index: number; oilPartId: string },
) {
  const { scenario } = o;
  const actor = systemActor(o.store.id, 'demo-seed');
  const vehicle = o.vehicles[o.index];
  const created = new Date(o.now.getTime() - scenario.ago * 60_000);
  clock.set(created);
  const input = {
    vehicleId: vehicle.globalId,
    advisorId: o.advisors[o.index % o.advisors.length].globalId,
    complaint: complaints[o.index % complaints.length],
    mileageIn: vehicle.mileageKm,
    promisedAt: scenario.promisedIn ? new Date(o.now.getTime() + scenario.promisedIn * 60_000) : null,
    source: scenario.appointment ? WorkOrderSource.APPOINTMENT : WorkOrderSource.WALK_IN,
    customerWaiting: scenario.waiting ?? false,
    jobs: o.picks.map((job, position) => ({
      title: job.title,
      skill: job.skill as Skill,
      standardHours: job.standardHours,
      payer: scenario.warranty && position === 0 ? JobPayer.WARRANTY : JobPayer.CUSTOMER,
    })),
  } as CreateWorkOrderInput;
  const { workOrders, estimates } = services;
  let wo = expectOk(`scenario ${o.index}`, await workOrders.create(em, actor, input));

  let at = created;
  // R-REC-3: the walk-around (or the customer's signed refusal) before the order may leave DRAFT; the
  // order still in DRAFT has had its walk-around too (the advisor is writing it up).
  if (scenario.path[0]?.to !== S.CANCELLED) {
    clock.set(new Date(created.getTime() + Math.min(5, (scenario.path[0]?.after ?? scenario.ago) - 1) * 60_000));
    await seedWalkAround(em, services, actor, wo, vehicle, o.index);
  }
  if (scenario.estimate === 'DRAFT') expectOk(`scenario ${o.index} draft estimate`, await estimates.save(em, actor, demoEstimate(wo.globalId, o.picks, false, o.index, o.oilPartId)));
  const floor = new DemoFloor(em, services, clock, o);
  for (const step of scenario.path) {
    const previous = at;
    at = new Date(at.getTime() + step.after * 60_000);
    clock.set(at);
    // R-WO-4: the crew clocks on at the start (the first clocking starts a QUEUED order), works through
    // its jobs and clocks off, finishing them, when the car goes to quality check; clocks off at a hold.
    if (step.to === S.IN_PROGRESS && wo.status === S.QUEUED) {
      wo = await floor.clockOn(wo);
      continue;
    }
    if (step.to === S.ON_HOLD) await floor.clockOffAll(wo);
    if (step.to === S.QUALITY_CHECK) await floor.finishJobs(wo, previous, at);
    // R-QC-1/2: the three levels before the car leaves quality check; the rework scenario fails the final check.
    if (wo.status === S.QUALITY_CHECK && step.to === S.IN_PROGRESS) {
      wo = await floor.signLevels(wo, previous, at, 3, step.reason ?? '终检不合格');
      clock.set(at);
      continue;
    }
    if (wo.status === S.QUALITY_CHECK && (step.to === S.WASHING || step.to === S.READY)) {
      await floor.signLevels(wo, previous, at, 3);
      clock.set(at);
    }
    if (step.to === 'ASSIGN') {
      const bay = await freeBay(em, o.bays, o.index);
      const crew = [...new Set(o.picks.map((j) => o.technicians.find((t) => t.skills.includes(j.skill as Skill))!))];
      wo = expectOk(`scenario ${o.index}`, await workOrders.assign(em, actor, { id: wo.globalId, bayId: bay.globalId, technicianIds: crew.map((t) => t.globalId) } as AssignWorkOrderInput));
      continue;
    }
    if (step.to === S.AWAITING_APPROVAL && wo.status === S.DRAFT) {
      // The advisor writes the estimate from the jobs and sends it; sending moves the order to AWAITING_APPROVAL.
      if (scenario.estimate === 'SUPERSEDED') {
        // A first estimate without the consumables, replaced before it went out (SUPERSEDED).
        const first = demoEstimate(wo.globalId, o.picks, false, o.index, o.oilPartId);
        expectOk(`scenario ${o.index} first estimate`, await estimates.save(em, actor, { ...first, lines: first.lines.filter((l) => l.kind !== EstimateLineKind.FEE) }));
      }
      const saved = expectOk(`scenario ${o.index} estimate`, await estimates.save(em, actor, demoEstimate(wo.globalId, o.picks, scenario.warranty ?? false, o.index, o.oilPartId)));
      wo = expectOk(`scenario ${o.index} send`, await estimates.send(em, actor, { estimateId: saved.globalId, expectedVersion: saved.version })).workOrder;
      continue;
    }
    if (step.to === S.QUEUED && wo.status === S.AWAITING_APPROVAL) {
      // R-EST-4: the customer approves every line by phone; the approval queues the order.
      const [estimate] = (await estimates.ofWorkOrder(em, o.store.id, wo.id)).filter((e) => e.status === 'SENT');
      let lines = await estimate.lines.loadItems();
      // R-EST-5: the warranty clerk confirms warranty lines before the customer approves.
      for (const line of lines.filter((l) => l.payer === EstimatePayer.WARRANTY)) {
        expectOk(`scenario ${o.index} warranty`, await estimates.confirmWarranty(em, actor, { estimateLineId: line.globalId, eligible: true, claimNumber: `FAW-VW-2026-${String(o.index).padStart(5, '0')}`, note: '在保（演示数据）' }));
      }
      if (lines.some((l) => l.payer === EstimatePayer.WARRANTY)) await em.refresh(estimate);
      lines = await estimate.lines.loadItems();
      // One option of each alternative group (the aftermarket one for every other customer); every third
      // customer puts the deferrable line off to the next visit (it becomes a carried-over item, R-APT-8).
      const defer = o.index % 3 === 0;
      const groupPick = new Map<string, string>();
      for (const l of lines) if (l.alternativeGroup && (!groupPick.has(l.alternativeGroup) || o.index % 2 === 1)) groupPick.set(l.alternativeGroup, l.globalId);
      const approvedLines = lines.filter((l) => (l.alternativeGroup ? groupPick.get(l.alternativeGroup) === l.globalId : !(defer && l.deferrable)));
      const approved = await estimates.approve(em, actor, {
        estimateId: estimate.globalId,
        expectedVersion: estimate.version,
        approvedLineIds: approvedLines.map((l) => l.globalId),
        deferredLineIds: lines.filter((l) => defer && l.deferrable).map((l) => l.globalId),
        method: ApprovalMethod.PHONE,
        note: '电话确认（演示数据）',
      });
      wo = expectOk(`scenario ${o.index} approval`, approved).workOrder;
      continue;
    }
    if (step.to === S.ON_HOLD && step.holdReason === HoldReason.WAITING_APPROVAL) {
      // R-EST-6: the supplemental work found is sent to the customer; its job waits for the approval.
      const supplemental = {
        workOrderId: wo.globalId,
        reason: step.reason ?? '发现追加项目',
        lines: [
          { kind: EstimateLineKind.PART, partNumber: '5Q0615301F', description: '前刹车盘', quantity: 2, unitPriceFen: 45000, partSource: PartSource.OEM, payer: EstimatePayer.CUSTOMER },
          { kind: EstimateLineKind.LABOUR, description: '更换前刹车盘', skill: Skill.CHASSIS, standardHours: 1.2, hourlyRateFen: 32000, payer: EstimatePayer.CUSTOMER },
        ],
      } as AddSupplementalWorkInput;
      wo = expectOk(`scenario ${o.index} supplemental`, await estimates.addSupplemental(em, actor, supplemental)).workOrder;
    }
    if (step.to === S.QUALITY_CHECK && scenario.estimate === 'SUPPLEMENT_DECLINED') {
      // R-EST-6: supplemental work proposed during the job; the customer declines it by phone (DECLINED).
      const proposed = expectOk(`scenario ${o.index} supplemental`, await estimates.addSupplemental(em, actor, {
        workOrderId: wo.globalId,
        reason: '检查发现空调滤芯脏污，建议更换',
        lines: [{ kind: EstimateLineKind.PART, partNumber: '5Q0819653', description: '空调滤芯', quantity: 1, unitPriceFen: 18000, partSource: PartSource.OEM, payer: EstimatePayer.CUSTOMER }],
      } as AddSupplementalWorkInput));
      expectOk(`scenario ${o.index} supplemental declined`, await estimates.approve(em, actor, { estimateId: proposed.estimate.globalId, expectedVersion: proposed.estimate.version, approvedLineIds: [], deferredLineIds: [], method: ApprovalMethod.PHONE, note: '客户表示下次再换（演示数据）' }));
    }
    if (step.to === S.DELIVERED) wo = await seedSettleAndDeliver(em, services, actor, wo, vehicle, o.index);
    wo = expectOk(`scenario ${o.index}`, await workOrders.transition(em, actor, { id: wo.globalId, to: step.to, holdReason: step.holdReason ?? null, reason: step.reason ?? null } as TransitionWorkOrderInput));
    if (step.to === S.IN_PROGRESS && wo.status === S.IN_PROGRESS) wo = await floor.clockOn(wo); // back from a hold
  }
  // R-WO-6: progress notes on cars being worked on (not the stale one, which is what STALE is about);
  // R-QC-1: cars in quality check show the levels done so far.
  if (wo.status === S.IN_PROGRESS && o.index !== STALE_SCENARIO) await floor.reportProgress(wo, at);
  if (wo.status === S.QUALITY_CHECK) await floor.signLevels(wo, at, o.now, 1 + (o.index % 2));
}

/** The scenario left without progress notes, so the wall shows STALE. */
const STALE_SCENARIO = 10;
const PROGRESS_NOTES = ['已拆检，正在更换', '主要作业已完成，正在装复', '已更换完毕，正在试车检查'];

/** The workshop floor of a seeded order, through the job-clock and quality-check services as the staff who do it. */
class DemoFloor {
  constructor(
    private readonly em: EntityManager,
    private readonly services: Services,
    private readonly clock: ManualClock,
    private readonly o: { store: Store; technicians: Staff[]; leader: Staff; inspector: Staff; now: Date; index: number },
  ) {}

  private as(staff: Staff): StaffActor {
    return { kind: 'staff', staffId: staff.id, storeId: this.o.store.id, roles: staff.roles };
  }

  /** The technician the seed dispatched for a job's skill (the same rule as ASSIGN). */
  private techFor(job: Job): Staff {
    return this.o.technicians.find((t) => t.skills.includes(job.skill))!;
  }

  private async jobs(wo: WorkOrder): Promise<Job[]> {
    return this.em.find(Job, { workOrder: wo.id }, { orderBy: { position: 'asc' }, refresh: true });
  }

  /** Each technician of the crew clocks on their first job not done; the first clocking starts a QUEUED order. */
  async clockOn(wo: WorkOrder): Promise<WorkOrder> {
    const seen = new Set<number>();
    for (const job of await this.jobs(wo)) {
      const tech = this.techFor(job);
      if (job.status === JobStatus.DONE || job.status === JobStatus.WAITING_APPROVAL || seen.has(tech.id)) continue;
      seen.add(tech.id);
      const result = await this.services.jobClock.clock(this.em, this.as(tech), { jobId: job.globalId, action: ClockAction.ON });
      // The demo has more cars in progress than technicians: one already clocked on another car stays there.
      if (!result.ok && result.errors[0].code !== 'ALREADY_CLOCKED_ON') expectOk(`scenario ${this.o.index} clock on`, result);
    }
    const current = await this.em.findOneOrFail(WorkOrder, wo.id, { refresh: true });
    if (current.status !== S.QUEUED) return current;
    // Nobody of the crew was free to clock on: the foreman starts the car.
    return expectOk(`scenario ${this.o.index} start`, await this.services.workOrders.transition(this.em, systemActor(this.o.store.id, 'demo-seed'), { id: wo.globalId, to: S.IN_PROGRESS } as TransitionWorkOrderInput));
  }

  async clockOffAll(wo: WorkOrder, finished = false): Promise<void> {
    for (const job of await this.jobs(wo)) {
      if (job.status !== JobStatus.IN_PROGRESS) continue;
      const result = await this.services.jobClock.clock(this.em, this.as(this.techFor(job)), { jobId: job.globalId, action: ClockAction.OFF, finished });
      if (!result.ok && result.errors[0].code !== 'NOT_CLOCKED_ON') expectOk(`scenario ${this.o.index} clock off`, result);
    }
  }

  /** Between `from` and `to` each technician works through their jobs in turn and finishes them all. */
  async finishJobs(wo: WorkOrder, from: Date, to: Date): Promise<void> {
    const jobs = (await this.jobs(wo)).filter((j) => j.status !== JobStatus.DONE && j.status !== JobStatus.WAITING_APPROVAL);
    const byTech = new Map<number, Job[]>();
    for (const job of jobs) byTech.set(this.techFor(job).id, [...(byTech.get(this.techFor(job).id) ?? []), job]);
    for (const list of byTech.values()) {
      const tech = this.techFor(list[0]);
      const slice = (to.getTime() - from.getTime()) / list.length;
      for (const [k, job] of list.entries()) {
        if (job.status === JobStatus.PENDING) {
          this.clock.set(new Date(from.getTime() + k * slice));
          const on = await this.services.jobClock.clock(this.em, this.as(tech), { jobId: job.globalId, action: ClockAction.ON });
          if (!on.ok && on.errors[0].code === 'ALREADY_CLOCKED_ON') continue; // busy on another car of the demo
          expectOk(`scenario ${this.o.index} clock on`, on);
        }
        // A few minutes off the end, so actual hours differ from one job to the next.
        this.clock.set(new Date(from.getTime() + (k + 1) * slice - ((this.o.index + k) % 4) * 60_000));
        expectOk(`scenario ${this.o.index} clock off`, await this.services.jobClock.clock(this.em, this.as(tech), { jobId: job.globalId, action: ClockAction.OFF, finished: true }));
      }
    }
    this.clock.set(to);
  }

  async reportProgress(wo: WorkOrder, since: Date): Promise<void> {
    const jobs = await this.jobs(wo);
    const tech = this.techFor(jobs[0]);
    const at = new Date(Math.min(this.o.now.getTime() - 4 * 60_000, since.getTime() + 20 * 60_000));
    if (at <= since) return;
    this.clock.set(at);
    const note = PROGRESS_NOTES[this.o.index % PROGRESS_NOTES.length];
    expectOk(`scenario ${this.o.index} progress`, await this.services.jobClock.reportProgress(this.em, this.as(tech), { workOrderId: wo.globalId, note: `${jobs[0].title}：${note}`, percent: 30 + (this.o.index % 3) * 25 }));
  }

  /**
   * Signs the first `levels` levels between `from` and `to` (self by the crew's technician, mutual by the team
   * leader, final by the QC inspector with a road test); with `failCause` the last one fails (R-QC-2: rework).
   */
  async signLevels(wo: WorkOrder, from: Date, to: Date, levels: number, failCause?: string): Promise<WorkOrder> {
    const jobs = await this.jobs(wo);
    const tech = this.techFor(jobs[0]);
    const signers = [tech, this.o.leader, this.o.inspector];
    const order = [QualityLevel.SELF, QualityLevel.MUTUAL, QualityLevel.FINAL];
    let result: WorkOrder = wo;
    for (let k = 0; k < levels; k++) {
      this.clock.set(new Date(from.getTime() + ((k + 1) * (to.getTime() - from.getTime())) / (levels + 1)));
      const fail = failCause != null && k === levels - 1;
      const final = order[k] === QualityLevel.FINAL;
      result = expectOk(
        `scenario ${this.o.index} quality check ${order[k]}`,
        await this.services.qualityChecks.sign(this.em, this.as(signers[k]), {
          workOrderId: wo.globalId,
          level: order[k],
          result: fail ? QualityResult.FAIL : QualityResult.PASS,
          notes: final ? '路试 5 公里，制动、转向正常' : '按作业单逐项复核',
          roadTest: final,
          cause: fail ? failCause : null,
          responsibleId: fail ? tech.globalId : null,
        }),
      );
    }
    return result;
  }
}

/** A 1×1 PNG standing in for the customer's signature and the damage photos. */
const DEMO_IMAGE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/**
 * R-DEL-3, R-SEG-5, R-DEL-1/2/4: before a demo order is DELIVERED the cashier settles it (every other
 * customer first gets welcome points by hand and redeems some; split payments; a special VAT invoice
 * for every other one) and the advisor records the delivery — through the services, as the system actor.
 */
async function seedSettleAndDeliver(em: EntityManager, services: Services, actor: ReturnType<typeof systemActor>, wo: WorkOrder, vehicle: Vehicle, index: number): Promise<WorkOrder> {
  const customerId = wo.customer.id;
  let points = 0;
  if (index % 2 === 0) {
    expectOk(`points ${index}`, await services.settlements.adjustPoints(em, actor, { customerId: toGlobalId('Customer', customerId), delta: 3000, reason: '会员签到与分享（演示数据）' }));
    points = 1000;
  }
  const preview = (await services.settlements.preview(em, actor.storeId, wo.id))!;
  const pointsFen = (points * 100) / preview.pointsPerYuan;
  const redeem = pointsFen <= preview.totals.customerFen ? points : 0;
  const due = preview.totals.customerFen - (redeem ? pointsFen : 0);
  const wechat = Math.floor(due * 0.8);
  const payments = [
    ...(wechat > 0 ? [{ method: PaymentMethod.WECHAT_PAY, amountFen: wechat, reference: `42000${String(index).padStart(5, '0')}` }] : []),
    ...(due - wechat > 0 ? [{ method: PaymentMethod.CASH, amountFen: due - wechat }] : []),
  ];
  const invoice = index % 2 === 1 ? { kind: InvoiceKind.SPECIAL, companyName: '北京博远物流有限公司', taxId: '91350100M000100Y43' } : { kind: InvoiceKind.ORDINARY };
  expectOk(`settlement ${index}`, await services.settlements.settle(em, actor, { workOrderId: wo.globalId, discountFen: 0, pointsToRedeem: redeem, payments, invoice } as SettleWorkOrderInput));
  const delivered = await services.deliveries.record(em, actor, {
    workOrderId: wo.globalId,
    mileageOut: (wo.mileageIn ?? vehicle.mileageKm ?? 0) + 3,
    interiorCleaned: true,
    itemsReturned: true,
    oldPartsOffered: true,
    oldPartsTaken: index % 2 === 0,
    explanation: '已按委托完成维修保养，路试正常（演示数据）',
    advice: '三个月内复查刹车片厚度',
    nextServiceDueOn: new Date(wo.updatedAt.getTime() + 180 * 86_400_000).toISOString().slice(0, 10),
    nextServiceDueKm: (wo.mileageIn ?? vehicle.mileageKm ?? 0) + 7500,
  });
  return expectOk(`delivery ${index}`, delivered).workOrder.getEntity();
}

async function demoUpload(em: EntityManager, services: Services, actor: ReturnType<typeof systemActor>, purpose: UploadPurpose): Promise<string> {
  const created = expectOk('upload', await services.uploads.create(em, actor, { purpose, contentType: 'image/png', byteSize: DEMO_IMAGE.length }));
  return expectOk('upload bytes', await services.uploads.receive(em, created.id, DEMO_IMAGE)).globalId;
}

/** Every fourth customer declines the walk-around (recorded with the reason and signature); the others get a sheet, some with a damage. */
async function seedWalkAround(em: EntityManager, services: Services, actor: ReturnType<typeof systemActor>, wo: WorkOrder, vehicle: Vehicle, index: number) {
  const customerSignatureId = await demoUpload(em, services, actor, UploadPurpose.SIGNATURE);
  const input: RecordWalkAroundInput =
    index % 4 === 3
      ? { workOrderId: wo.globalId, declined: true, declineReason: '客户赶时间，拒绝环检', customerSignatureId }
      : {
          workOrderId: wo.globalId,
          declined: false,
          mileage: vehicle.mileageKm ?? 0,
          fuelLevelPercent: 25 + ((index * 15) % 75),
          coversFitted: true,
          valuablesReminded: true,
          interiorNotes: index % 3 === 0 ? '后排座椅有污渍' : null,
          tyreNotes: index % 2 === 0 ? '左前胎胎纹 2 mm' : null,
          damages: index % 2 === 0 ? [{ area: DamageArea.FRONT_BUMPER, kind: DamageKind.SCRATCH, sizeCm: 5, photoIds: [await demoUpload(em, services, actor, UploadPurpose.WALK_AROUND_PHOTO)] }] : [],
          customerSignatureId,
        };
  expectOk(`walk-around ${index}`, await services.reception.recordWalkAround(em, actor, input));
}

/**
 * The demo estimate of an order: one LABOUR line per job at the demo store's hourly rate, the oil filter
 * as a choice between the original part and a cheaper aftermarket one (R-EST-3), new wiper blades the
 * customer may defer (with the risk), and the consumables.
 */
function demoEstimate(workOrderId: string, picks: ReturnType<typeof pickJobs>, warranty: boolean, index: number, oilPartId: string): SaveEstimateInput {
  return {
    workOrderId,
    lines: [
      // R-WO-5: priced from the catalog (number, source, price and name), kept as a reference to it.
      { kind: EstimateLineKind.PART, partId: oilPartId, quantity: 4, payer: EstimatePayer.CUSTOMER },
      { kind: EstimateLineKind.PART, partNumber: '04E115561H', description: '机油滤清器（原厂）', quantity: 1, unitPriceFen: 6800, partSource: PartSource.OEM, payer: EstimatePayer.CUSTOMER, alternativeGroup: 'oil-filter' },
      { kind: EstimateLineKind.PART, partNumber: 'MANN-W712', description: '机油滤清器（品牌件）', quantity: 1, unitPriceFen: 3900, partSource: PartSource.AFTERMARKET, payer: EstimatePayer.CUSTOMER, alternativeGroup: 'oil-filter', tradeOff: '品牌件，质保 6 个月' },
      ...picks.map((job, position) => ({
        kind: EstimateLineKind.LABOUR,
        description: job.title,
        skill: job.skill as Skill,
        standardHours: job.standardHours,
        hourlyRateFen: 32000,
        payer: warranty && position === 0 ? EstimatePayer.WARRANTY : EstimatePayer.CUSTOMER,
      })),
      ...(index % 2 === 0
        ? [{ kind: EstimateLineKind.PART, partNumber: '5G1998002', description: '雨刮片（一对）', quantity: 1, unitPriceFen: 16800, partSource: PartSource.OEM, payer: EstimatePayer.CUSTOMER, deferrable: true, risk: '雨刮胶条已老化，雨天刮不干净，影响视线' }]
        : []),
      { kind: EstimateLineKind.FEE, description: '辅料', amountFen: 2000, payer: EstimatePayer.CUSTOMER },
    ],
  } as SaveEstimateInput;
}

/**
 * R-WO-5: on the first car in progress with a part of its model short in stock, the technician asks
 * for a few more than there are: the purchase request is linked to the job and the card shows
 * WAITING_PARTS. Asked at the time of the order's last change, so its timers stay as they were.
 */
async function seedJobWaitingForParts(em: EntityManager, services: Services, clock: ManualClock, storeId: number) {
  const orders = await em.find(WorkOrder, { store: storeId, status: S.IN_PROGRESS }, { populate: ['vehicle', 'jobs', 'technicians'], orderBy: { id: 'asc' } });
  const parts = await em.find(Part, { store: storeId }, { populate: ['stockRow'], orderBy: { id: 'asc' } });
  for (const wo of orders) {
    const model = wo.vehicle.getEntity().model;
    const [part] = parts.filter((p) => p.fitsModels.includes(model)).sort((a, b) => a.stockRow!.available - b.stockRow!.available);
    const tech = wo.technicians.getItems()[0];
    if (!part || !tech) continue;
    clock.set(wo.updatedAt);
    const actor: StaffActor = { kind: 'staff', staffId: tech.id, storeId, roles: tech.roles };
    const job = wo.jobs.getItems()[0];
    expectOk('parts for a job', await services.parts.requestParts(em.fork(), actor, { workOrderId: wo.globalId, jobId: job.globalId, lines: [{ partId: part.globalId, quantity: part.stockRow!.available + 2 }] }));
    return;
  }
  throw new Error('demo seed: no car in progress to wait for parts');
}

/** A bay without a car in progress, starting the search at a different bay for each order to spread the cars. */
async function freeBay(em: EntityManager, bays: Bay[], index: number): Promise<Bay> {
  const busy = new Set((await em.find(WorkOrder, { status: S.IN_PROGRESS }, { fields: ['bay'] })).map((w) => w.bay?.id));
  for (let k = 0; k < bays.length; k++) {
    const bay = bays[(index + k) % bays.length];
    if (!busy.has(bay.id)) return bay;
  }
  throw new Error('demo seed: no free bay');
}

function expectOk<T>(what: string, result: Result<T>): T {
  if (!result.ok) throw new Error(`demo seed: ${what} refused: ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** Production never honours the published demo wall token, even in a database seeded before. */
export async function revokeFixedDemoToken(orm: MikroORM): Promise<number> {
  return orm.em.fork().nativeUpdate(DisplayToken, { tokenHash: hashToken(DEMO_DISPLAY_TOKEN), revokedAt: null }, { revokedAt: new Date() });
}
