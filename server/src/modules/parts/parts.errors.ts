import { registerMessages, registerNouns } from '../../i18n/messages.js';

/** Stable userError codes of the parts module (R-WO-5, R-APT-4/5). */
export const PartsError = {
  PART_NUMBER_TAKEN: 'PART_NUMBER_TAKEN',
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
  PARTS_SHORTAGE: 'PARTS_SHORTAGE',
  PART_NOT_IN_CATALOG: 'PART_NOT_IN_CATALOG',
  PART_DOES_NOT_FIT: 'PART_DOES_NOT_FIT',
  FIT_OVERRIDE_NOT_PERMITTED: 'FIT_OVERRIDE_NOT_PERMITTED',
  ORDER_NOT_IN_PROGRESS: 'ORDER_NOT_IN_PROGRESS',
  ORDER_CLOSED_FOR_RETURNS: 'ORDER_CLOSED_FOR_RETURNS',
  JOB_NOT_IN_ORDER: 'JOB_NOT_IN_ORDER',
  JOB_WAITING_APPROVAL: 'JOB_WAITING_APPROVAL',
  NOT_ASSIGNED: 'NOT_ASSIGNED_TO_ORDER',
  RETURN_EXCEEDS_ISSUED: 'RETURN_EXCEEDS_ISSUED',
  PART_LISTED_TWICE: 'PART_LISTED_TWICE',
  ILLEGAL_PURCHASE_REQUEST_TRANSITION: 'ILLEGAL_PURCHASE_REQUEST_TRANSITION',
  RECEIVE_THROUGH_STOCK: 'RECEIVE_THROUGH_STOCK',
  REASON_REQUIRED: 'REASON_REQUIRED',
  PURCHASE_REQUEST_OF_ANOTHER_PART: 'PURCHASE_REQUEST_OF_ANOTHER_PART',
  PURCHASE_REQUEST_CLOSED: 'PURCHASE_REQUEST_CLOSED',
  STOCK_BELOW_RESERVED: 'STOCK_BELOW_RESERVED',
  TOO_MANY: 'TOO_MANY',
  NOT_WHOLE: 'NOT_WHOLE',
} as const;

registerMessages({
  PART_NUMBER_TAKEN: { zh: '本店已有配件号 {partNumber}', en: 'The store already has part number {partNumber}' },
  INSUFFICIENT_STOCK: { zh: '配件 {partNumber} 库存不足：需要 {quantity} 件，可用 {available} 件', en: 'Not enough {partNumber} in stock: {quantity} asked, {available} available' },
  PARTS_SHORTAGE: {
    zh: '配件 {partNumber}（{name}）缺货：需要 {quantity} 件，可用 {available} 件，缺 {missing} 件；已向配件部门提交采购申请，到货后将通知客户',
    en: 'Parts shortage: {partNumber} ({name}) — {quantity} needed, {available} available, {missing} missing; a purchase request went to the parts department and the customer will be called when the parts arrive',
  },
  PART_NOT_IN_CATALOG: { zh: '本店配件目录中没有配件号 {partNumber}', en: 'Part number {partNumber} is not in the store’s catalog' },
  PART_DOES_NOT_FIT: { zh: '配件 {partNumber} 不适用于车型「{model}」（R-WO-5）', en: 'Part {partNumber} does not fit the model “{model}” (R-WO-5)' },
  FIT_OVERRIDE_NOT_PERMITTED: { zh: '只有车间主管可以说明原因后发放不适配的配件', en: 'Only the foreman may issue a part that does not fit, with a reason' },
  ORDER_NOT_IN_PROGRESS: { zh: '只能向维修中的工单发料（当前：{status}）', en: 'Parts are issued to work orders in progress (now {status})' },
  ORDER_CLOSED_FOR_RETURNS: { zh: '工单当前状态（{status}）不能退料', en: 'Parts cannot be returned from a work order that is {status}' },
  JOB_NOT_IN_ORDER: { zh: '该作业项目不属于此工单', en: 'The job is not part of this work order' },
  NOT_ASSIGNED_TO_ORDER: { zh: '您未被派工到此工单', en: 'You are not assigned to this work order' },
  RETURN_EXCEEDS_ISSUED: { zh: '最多可退 {max} 件', en: 'At most {max} can be returned' },
  PART_LISTED_TWICE: { zh: '同一配件只能列一次', en: 'A part may be listed once' },
  ILLEGAL_PURCHASE_REQUEST_TRANSITION: { zh: '采购申请不能从「{from}」变为「{to}」', en: 'A purchase request cannot move from {from} to {to}' },
  RECEIVE_THROUGH_STOCK: { zh: '到货请用入库（receiveStock）登记', en: 'Record the arrival with receiveStock' },
  PURCHASE_REQUEST_OF_ANOTHER_PART: { zh: '该采购申请是其他配件的', en: 'The purchase request is for another part' },
  PURCHASE_REQUEST_CLOSED: { zh: '该采购申请已关闭（{status}）', en: 'The purchase request is closed ({status})' },
  STOCK_BELOW_RESERVED: { zh: '调整后库存（{onHand}）不能低于已预留数量（{reserved}）', en: 'Stock after the adjustment ({onHand}) cannot be below what is reserved ({reserved})' },
  NOT_WHOLE: { zh: '必须是整数', en: 'must be a whole number' },
  PR_REORDER_POINT: { zh: '可用库存 {available} 件，已到补货点 {reorderPoint}', en: 'Available stock {available} is at or below the reorder point {reorderPoint}' },
  PR_JOB_SHORTAGE: { zh: '工单 {number}「{job}」缺件：需要 {quantity} 件，缺 {missing} 件', en: 'Work order {number}, job “{job}”: {quantity} needed, {missing} missing' },
  PR_BOOKING_SHORTAGE: { zh: '预约缺件：{plate} {slot} 需要 {quantity} 件，缺 {missing} 件', en: 'Booking shortage: {plate} at {slot} needs {quantity}, {missing} missing' },
});

registerNouns({
  Part: { zh: '配件', en: 'Part' },
  PartIssue: { zh: '发料记录', en: 'Part issue' },
  PurchaseRequest: { zh: '采购申请', en: 'Purchase request' },
  StockMovement: { zh: '库存变动', en: 'Stock movement' },
});
