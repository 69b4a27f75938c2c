import { registerMessages, registerNouns } from '../../i18n/messages.js';

/** Stable userError codes of the cash desk (R-DEL-3) and points (R-SEG-5). */
export const SettlementError = {
  SETTLEMENT_REQUIRED: 'SETTLEMENT_REQUIRED',
  ALREADY_SETTLED: 'ALREADY_SETTLED',
  ALREADY_REVERSED: 'ALREADY_REVERSED',
  NOTHING_TO_SETTLE: 'NOTHING_TO_SETTLE',
  WORK_ORDER_NOT_SETTLEABLE: 'WORK_ORDER_NOT_SETTLEABLE',
  DISCOUNT_NEEDS_MANAGER: 'DISCOUNT_NEEDS_MANAGER',
  DISCOUNT_REASON_REQUIRED: 'DISCOUNT_REASON_REQUIRED',
  DISCOUNT_EXCEEDS_AMOUNT: 'DISCOUNT_EXCEEDS_AMOUNT',
  POINTS_NOT_WHOLE_FEN: 'POINTS_NOT_WHOLE_FEN',
  POINTS_EXCEED_BALANCE: 'POINTS_EXCEED_BALANCE',
  POINTS_EXCEED_AMOUNT: 'POINTS_EXCEED_AMOUNT',
  POINTS_ALREADY_SPENT: 'POINTS_ALREADY_SPENT',
  PAYMENTS_DO_NOT_ADD_UP: 'PAYMENTS_DO_NOT_ADD_UP',
  INVALID_TAX_ID: 'INVALID_TAX_ID',
  TOO_MANY: 'TOO_MANY',
} as const;

registerMessages({
  SETTLEMENT_REQUIRED: { zh: '请先结算（收银）再交车', en: 'Settle the work order at the cash desk before delivery' },
  ALREADY_SETTLED: { zh: '该工单已结算（{number}）；更正须先冲销', en: 'The work order is already settled ({number}); a correction starts with a reversal' },
  ALREADY_REVERSED: { zh: '该结算单已冲销', en: 'This settlement is already reversed' },
  NOTHING_TO_SETTLE: { zh: '该工单没有已批准的项目可结算', en: 'The work order has no approved lines to settle' },
  WORK_ORDER_NOT_SETTLEABLE: { zh: '工单状态为「{status}」，待交车（READY）后才能结算', en: 'The work order is {status}; it is settled once READY' },
  DISCOUNT_NEEDS_MANAGER: { zh: '优惠超过 {limit} 元，需要服务经理办理', en: 'A discount above {limit} yuan needs a manager' },
  DISCOUNT_REASON_REQUIRED: { zh: '优惠须注明原因', en: 'Give the reason for the discount' },
  DISCOUNT_EXCEEDS_AMOUNT: { zh: '优惠不能超过客户应付的 {due} 元', en: 'The discount cannot exceed the {due} yuan the customer owes' },
  POINTS_NOT_WHOLE_FEN: { zh: '积分须按 {rate} 分抵 1 元整分使用', en: 'Points are redeemed in whole fen ({rate} points = 1 yuan)' },
  POINTS_EXCEED_BALANCE: { zh: '积分余额只有 {balance}', en: 'The points balance is only {balance}' },
  POINTS_EXCEED_AMOUNT: { zh: '抵扣不能超过客户应付金额', en: 'Points cannot cover more than the customer owes' },
  POINTS_ALREADY_SPENT: { zh: '客户已使用本单获得的积分，余额 {balance} 不足以扣回', en: 'The customer has spent the points this settlement earned; the balance {balance} cannot take them back' },
  PAYMENTS_DO_NOT_ADD_UP: { zh: '支付合计 {paid} 分，应付 {due} 分，必须相等', en: 'Payments add up to {paid} fen but {due} fen is due; they must be equal' },
  INVALID_TAX_ID: { zh: '统一社会信用代码无效（18 位，末位校验码不符）', en: 'Not a valid unified social credit code (18 characters with a matching check character)' },
});

registerNouns({
  Settlement: { zh: '结算单', en: 'Settlement' },
});
