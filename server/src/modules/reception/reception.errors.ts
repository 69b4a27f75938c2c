import { registerMessages, registerNouns } from '../../i18n/messages.js';

/** Stable userError codes of reception and the walk-around (R-REC-*). */
export const ReceptionError = {
  GREETED_BEFORE_ARRIVAL: 'GREETED_BEFORE_ARRIVAL',
  RECEPTION_TIME_IN_FUTURE: 'RECEPTION_TIME_IN_FUTURE',
  RECEPTION_TIME_TOO_OLD: 'RECEPTION_TIME_TOO_OLD',
  IDENTITY_NOTE_REQUIRED: 'IDENTITY_NOTE_REQUIRED',
  MILEAGE_BELOW_RECORDED: 'MILEAGE_BELOW_RECORDED',
  APPOINTMENT_NOT_OPEN: 'APPOINTMENT_NOT_OPEN',
  APPOINTMENT_OF_ANOTHER_VEHICLE: 'APPOINTMENT_OF_ANOTHER_VEHICLE',
  WALK_AROUND_REQUIRED: 'WALK_AROUND_REQUIRED',
  WALK_AROUND_EXISTS: 'WALK_AROUND_EXISTS',
  WORK_ORDER_NOT_DRAFT: 'WORK_ORDER_NOT_DRAFT',
  SIGNATURE_REQUIRED: 'SIGNATURE_REQUIRED',
  DECLINE_REASON_REQUIRED: 'DECLINE_REASON_REQUIRED',
  DECLINE_REASON_NOT_APPLICABLE: 'DECLINE_REASON_NOT_APPLICABLE',
  DAMAGES_ON_DECLINED: 'DAMAGES_ON_DECLINED',
  TOO_MANY: 'TOO_MANY',
} as const;

registerMessages({
  GREETED_BEFORE_ARRIVAL: { zh: '接待时间不能早于到店时间', en: 'The greeting cannot be before the arrival' },
  RECEPTION_TIME_IN_FUTURE: { zh: '时间不能晚于现在', en: 'cannot be in the future' },
  RECEPTION_TIME_TOO_OLD: { zh: '只能登记 {hours} 小时内的到店', en: 'Arrivals are recorded within {hours} hours' },
  IDENTITY_NOTE_REQUIRED: { zh: '请注明出示的证件', en: 'Name the document shown' },
  MILEAGE_BELOW_RECORDED: { zh: '里程不能小于车辆已登记的 {recorded} 公里', en: 'The mileage cannot be below the {recorded} km already recorded for the vehicle' },
  APPOINTMENT_NOT_OPEN: { zh: '该预约状态为「{status}」，不能接车', en: 'The appointment is {status}; it cannot be received' },
  APPOINTMENT_OF_ANOTHER_VEHICLE: { zh: '该预约不是这辆车的', en: 'The appointment is for another vehicle' },
  WALK_AROUND_REQUIRED: { zh: '请先完成环车检查（或登记客户拒绝环检并签字）', en: 'Record the walk-around first (or the customer’s signed refusal of it)' },
  WALK_AROUND_EXISTS: { zh: '该工单已登记环车检查', en: 'The walk-around of this work order is already recorded' },
  WORK_ORDER_NOT_DRAFT: { zh: '工单状态为「{status}」，只能在接车阶段登记环车检查', en: 'The work order is {status}; the walk-around is recorded at reception (DRAFT)' },
  SIGNATURE_REQUIRED: { zh: '需要客户签字', en: 'The customer’s signature is required' },
  DECLINE_REASON_REQUIRED: { zh: '客户拒绝环检时必须填写原因', en: 'Give the reason the customer declined the walk-around' },
  DECLINE_REASON_NOT_APPLICABLE: { zh: '未拒绝环检时不填写拒绝原因', en: 'A decline reason is given only when the walk-around is declined' },
  DAMAGES_ON_DECLINED: { zh: '客户拒绝环检时不能登记损伤', en: 'No damages can be recorded when the walk-around is declined' },
});

registerNouns({
  WalkAround: { zh: '环车检查', en: 'Walk-around' },
});
