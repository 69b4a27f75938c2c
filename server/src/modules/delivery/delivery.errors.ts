import { registerMessages, registerNouns } from '../../i18n/messages.js';

/** Stable userError codes of the delivery record (R-DEL-1, 2, 4). */
export const DeliveryError = {
  WORK_ORDER_NOT_READY: 'WORK_ORDER_NOT_READY',
  DELIVERY_EXISTS: 'DELIVERY_EXISTS',
  DELIVERY_RECORD_REQUIRED: 'DELIVERY_RECORD_REQUIRED',
  MILEAGE_OUT_BELOW_IN: 'MILEAGE_OUT_BELOW_IN',
  DELIVERY_CHECK_INCOMPLETE: 'DELIVERY_CHECK_INCOMPLETE',
  OLD_PARTS_TAKEN_REQUIRED: 'OLD_PARTS_TAKEN_REQUIRED',
  OLD_PARTS_NOT_OFFERED: 'OLD_PARTS_NOT_OFFERED',
  NEXT_SERVICE_NOT_AHEAD: 'NEXT_SERVICE_NOT_AHEAD',
  DELIVERY_NOT_RECORDED: 'DELIVERY_NOT_RECORDED',
  DELIVERY_CORRECTION_CLOSED: 'DELIVERY_CORRECTION_CLOSED',
  NOTHING_TO_CORRECT: 'NOTHING_TO_CORRECT',
} as const;

registerMessages({
  WORK_ORDER_NOT_READY: { zh: '工单状态为「{status}」，只有待交车（READY）的工单可以办理', en: 'The work order is {status}; only a READY work order can be handled here' },
  DELIVERY_EXISTS: { zh: '该工单已登记交车记录', en: 'The delivery of this work order is already recorded' },
  DELIVERY_RECORD_REQUIRED: { zh: '请先登记交车记录（里程、清洁、物品、旧件、说明、下次保养）', en: 'Record the delivery first (mileage, cleaning, belongings, old parts, explanation, next service)' },
  MILEAGE_OUT_BELOW_IN: { zh: '交车里程不能小于进厂里程 {mileageIn} 公里', en: 'The mileage out cannot be below the {mileageIn} km the car came in with' },
  DELIVERY_CHECK_INCOMPLETE: { zh: '交车前须完成此项', en: 'This must be done before the car is handed back' },
  OLD_PARTS_TAKEN_REQUIRED: { zh: '请注明客户是否带走旧件', en: 'Say whether the customer took the old parts' },
  OLD_PARTS_NOT_OFFERED: { zh: '未向客户展示旧件时不能登记带走旧件', en: 'Old parts not offered cannot have been taken' },
  NEXT_SERVICE_NOT_AHEAD: { zh: '下次保养须晚于今天且里程高于交车里程', en: 'The next service must be after today and above the mileage out' },
  DELIVERY_NOT_RECORDED: { zh: '该工单尚未登记交车记录', en: 'The delivery of this work order is not recorded' },
  DELIVERY_CORRECTION_CLOSED: { zh: '交车记录只能在登记后 {days} 天内更正', en: 'A delivery record can be corrected within {days} days of being recorded' },
  NOTHING_TO_CORRECT: { zh: '没有需要更正的内容（给出的值与记录相同）', en: 'Nothing to correct: the values given are those recorded' },
});

registerNouns({
  Delivery: { zh: '交车记录', en: 'Delivery record' },
  DeliveryCorrection: { zh: '交车记录更正', en: 'Delivery correction' },
});
