import { registerMessages, registerNouns } from '../../i18n/messages.js';

/** Stable userError codes of appointments (R-APT-*). */
export const AppointmentError = {
  SLOT_UNAVAILABLE: 'SLOT_UNAVAILABLE',
  OUTSIDE_BOOKING_WINDOW: 'OUTSIDE_BOOKING_WINDOW',
  SAME_DAY_NOT_ALLOWED: 'SAME_DAY_NOT_ALLOWED',
  ILLEGAL_TRANSITION: 'ILLEGAL_APPOINTMENT_TRANSITION',
  TRANSITION_NOT_PERMITTED: 'APPOINTMENT_TRANSITION_NOT_PERMITTED',
  REASON_REQUIRED: 'REASON_REQUIRED',
  SLOT_NOT_STARTED: 'SLOT_NOT_STARTED',
  TOO_MANY: 'TOO_MANY',
  NOT_AN_ADVISOR: 'NOT_AN_ADVISOR',
  NO_ADVISOR: 'NO_ADVISOR',
  INVALID_TIME: 'INVALID_TIME',
  TASK_NOT_OPEN: 'TASK_NOT_OPEN',
  NOT_YOUR_TASK: 'NOT_YOUR_TASK',
  TASK_NOT_NEEDED: 'TASK_NOT_NEEDED',
} as const;

registerMessages({
  ILLEGAL_APPOINTMENT_TRANSITION: { zh: '预约不能从「{from}」变为「{to}」', en: 'An appointment cannot move from {from} to {to}' },
  APPOINTMENT_TRANSITION_NOT_PERMITTED: { zh: '您的岗位不能将预约从「{from}」变为「{to}」', en: 'Your role may not move an appointment from {from} to {to}' },
  SLOT_UNAVAILABLE: { zh: '该时段无法安排（工位或技师已满），请选择推荐的其他时段', en: 'This slot cannot be served (no free bay or technician); choose one of the alternatives' },
  OUTSIDE_BOOKING_WINDOW: { zh: '只能预约 {days} 天内的时段', en: 'Bookings are taken up to {days} days ahead, not in the past' },
  SAME_DAY_NOT_ALLOWED: { zh: '本店不接受当天预约', en: 'This store does not take same-day bookings' },
  SLOT_NOT_STARTED: { zh: '预约时段尚未开始，不能登记爽约', en: 'A no-show can be recorded only once the slot has started' },
  NOT_AN_ADVISOR: { zh: '{name} 不是本店在岗服务顾问', en: '{name} is not an active service advisor of this store' },
  NO_ADVISOR: { zh: '本店没有在岗服务顾问', en: 'The store has no active service advisor' },
  INVALID_TIME: { zh: '时间格式应为 HH:MM', en: 'must be a time as HH:MM' },
  TASK_NOT_OPEN: { zh: '该任务已完成或已取消', en: 'This task is already done or cancelled' },
  NOT_YOUR_TASK: { zh: '该任务不是您的', en: 'This task is not yours' },
  TASK_NOT_NEEDED: { zh: '任务已不需要', en: 'The task is no longer needed' },
});

registerNouns({
  Appointment: { zh: '预约', en: 'Appointment' },
  CarriedOverItem: { zh: '遗留项目', en: 'Carried-over item' },
  AdvisorTask: { zh: '任务', en: 'Task' },
});
