import type { MikroORM } from '@mikro-orm/postgresql';
import { EventLog } from '../../events/event-log.js';
import { JobQueue } from '../../events/job-queue.js';
import { systemActor } from '../../shared/actor.js';
import { ManualClock } from '../../shared/clock.js';
import type { Skill } from '../staff/roles.js';
import { Store } from '../store/store.entity.js';
import { Vehicle } from '../vehicle/vehicle.entity.js';
import { AppointmentStatus, DemandChannel as C, DemandInitiator as I, DemandPurpose as P } from './appointment.enums.js';
import { AppointmentService } from './appointment.service.js';
import type { BookAppointmentInput, TransitionAppointmentInput } from './dto/appointment.dto.js';
import { addDays, atLocal, localDay } from './local-time.js';

interface DemoBooking {
  inDays: number;
  at: string;
  channel: C;
  initiator: I;
  purpose: P;
  words: string;
  jobs: { title: string; skill: Skill; standardHours: number }[];
  then?: AppointmentStatus;
  reason?: string;
}

const MAINT = { title: '常规保养(更换机油机滤)', skill: 'MAINTENANCE' as Skill, standardHours: 1 };
const BOOKINGS: DemoBooking[] = [
  { inDays: 1, at: '09:00', channel: C.PHONE, initiator: I.CUSTOMER, purpose: P.MAINTENANCE, words: '到保养里程了，顺便看看空调', jobs: [MAINT], then: AppointmentStatus.CONFIRMED },
  { inDays: 1, at: '10:00', channel: C.WECHAT, initiator: I.CUSTOMER, purpose: P.FAULT, words: '刹车时有异响', jobs: [{ title: '更换前刹车片', skill: 'CHASSIS' as Skill, standardHours: 1.2 }], then: AppointmentStatus.CONFIRMED },
  { inDays: 1, at: '14:00', channel: C.PHONE, initiator: I.STORE, purpose: P.MAINTENANCE, words: '首保邀约', jobs: [MAINT] },
  { inDays: 2, at: '09:30', channel: C.APP, initiator: I.CUSTOMER, purpose: P.FAULT, words: '发动机故障灯亮，怠速抖动', jobs: [{ title: '更换氧传感器', skill: 'ENGINE' as Skill, standardHours: 1.5 }] },
  { inDays: 2, at: '11:00', channel: C.WEBSITE, initiator: I.CUSTOMER, purpose: P.VALUE_ADDED, words: '想做一次空调清洗', jobs: [{ title: '空调系统检修', skill: 'ELECTRICAL' as Skill, standardHours: 2 }] },
  { inDays: 2, at: '15:00', channel: C.PHONE, initiator: I.STORE, purpose: P.RECALL, words: '召回：后悬挂螺栓检查', jobs: [{ title: '四轮定位', skill: 'CHASSIS' as Skill, standardHours: 1 }], then: AppointmentStatus.CANCELLED, reason: '客户出差，下周再约' },
  { inDays: 3, at: '09:00', channel: C.WECHAT, initiator: I.STORE, purpose: P.WORN_PARTS, words: '上次检查刹车片偏薄，邀约更换', jobs: [{ title: '更换后刹车片', skill: 'CHASSIS' as Skill, standardHours: 1.2 }] },
  { inDays: 4, at: '10:30', channel: C.PHONE, initiator: I.CUSTOMER, purpose: P.MAINTENANCE, words: '保养加换火花塞', jobs: [MAINT, { title: '更换火花塞', skill: 'MAINTENANCE' as Skill, standardHours: 1 }] },
  { inDays: 5, at: '13:30', channel: C.WECHAT, initiator: I.STORE, purpose: P.CAMPAIGN, words: '冬季关爱活动：免费检测', jobs: [{ title: '更换蓄电池', skill: 'ELECTRICAL' as Skill, standardHours: 0.5 }] },
  { inDays: 6, at: '09:00', channel: C.APP, initiator: I.CUSTOMER, purpose: P.FAULT, words: '方向盘抖动', jobs: [{ title: '更换前减震器', skill: 'CHASSIS' as Skill, standardHours: 2.5 }] },
];

/**
 * Demo appointments for the coming days (issue 7): booked through AppointmentService as the system
 * actor, so capacity, tasks on the job queue and the event log are as in real use. Vehicles from the
 * end of the archive (the work orders use the first ones); one carries a deferred fault (R-APT-8).
 */
export async function seedAppointments(orm: MikroORM, opts: { now: Date; storeCode?: string }): Promise<number> {
  const em = orm.em.fork();
  const store = opts.storeCode ? await em.findOneOrFail(Store, { code: opts.storeCode }) : (await em.find(Store, {}, { orderBy: { id: 'asc' }, limit: 1 }))[0];
  const vehicles = await em.find(Vehicle, { store: store.id }, { orderBy: { id: 'desc' }, limit: BOOKINGS.length, populate: ['owner'] });
  const clock = new ManualClock(opts.now);
  const service = new AppointmentService(new EventLog(clock), new JobQueue(''));
  const actor = systemActor(store.id, 'demo-seed');
  const today = localDay(store.timezone, opts.now);

  const withFault = vehicles[6];
  if (withFault) {
    const item = await service.recordCarriedOver(em.fork(), actor, { vehicleId: withFault.globalId, description: '后刹车片剩 3 mm（上次保养时客户暂缓更换）', risk: '一个月内需更换，否则影响制动距离' });
    if (!item.ok) throw new Error(`demo carried-over item refused: ${JSON.stringify(item.errors)}`);
  }

  let booked = 0;
  for (const [i, b] of BOOKINGS.entries()) {
    const vehicle = vehicles[i];
    if (!vehicle) break;
    const [h, m] = b.at.split(':').map(Number);
    const input = {
      customerId: vehicle.owner.getEntity().globalId,
      vehicleId: vehicle.globalId,
      slotStart: atLocal(store.timezone, addDays(today, b.inDays), h * 60 + m),
      channel: b.channel,
      initiator: b.initiator,
      purpose: b.purpose,
      customerWords: b.words,
      jobs: b.jobs,
    } as BookAppointmentInput;
    let outcome = await service.book(em.fork(), actor, input);
    if (!outcome.result.ok && outcome.alternatives[0]) outcome = await service.book(em.fork(), actor, { ...input, slotStart: outcome.alternatives[0].start } as BookAppointmentInput);
    if (!outcome.result.ok) continue; // the demo store has no capacity for it that day
    booked++;
    if (b.then) {
      const moved = await service.transition(em.fork(), actor, { id: outcome.result.value.globalId, to: b.then, reason: b.reason ?? null, expectedVersion: 1 } as TransitionAppointmentInput);
      if (!moved.ok) throw new Error(`demo appointment ${i} refused: ${JSON.stringify(moved.errors)}`);
    }
  }
  return booked;
}
