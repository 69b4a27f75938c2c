import { registerMessages } from '../../i18n/messages.js';

/** The explanations of a segment (R-SEG-3: explainable) and the refusals of this module, zh + en. */
export const SegmentationError = {
  POINTS_DAILY_CAP_REACHED: 'POINTS_DAILY_CAP_REACHED',
} as const;

registerMessages({
  SEG_SPEND: { zh: '{months} 个月消费 ¥{amount}', en: 'Spent ¥{amount} in {months} months' },
  SEG_VISITS: { zh: '{months} 个月到店 {count} 次（付费 {paid} 次）', en: '{count} visits in {months} months ({paid} paid)' },
  SEG_CUSTOMER_SINCE: { zh: '自 {date} 起持续到店', en: 'Coming back since {date}' },
  SEG_A_NEEDS: { zh: 'A 类需 {months} 个月消费 ¥{amount} 且付费到店 {visits} 次', en: 'A class needs ¥{amount} and {visits} paid visits in {months} months' },
  SEG_NEW_CUSTOMER: { zh: '新客户，尚无消费记录', en: 'New customer, no visits yet' },
  SEG_NO_VISIT: { zh: '近 {months} 个月未到店', en: 'No visit in the last {months} months' },
  SEG_NEVER_VISITED: { zh: '建档 {months} 个月未到店', en: 'No visit in the {months} months since registration' },
  SEG_LEFT_AFTER_WARRANTY: { zh: '保修期 {date} 结束后未再到店', en: 'Has not come back since the warranty ended on {date}' },
  SEG_WARRANTY_ONLY: { zh: '{months} 个月内只做保修或免费项目（{count} 次）', en: 'Only warranty or free work in {months} months ({count} visits)' },
  SEG_LONG_GAPS: { zh: '平均 {days} 天才到店一次', en: 'Comes only about every {days} days' },
  SEG_COMPLAINT_UNRESOLVED: { zh: '有 {count} 件投诉未解决', en: '{count} complaint(s) unresolved' },
  SEG_TAG_NEW_CAR: { zh: '新车', en: 'New car' },
  SEG_TAG_OLD_CAR: { zh: '老客户（购车 3 年以上）', en: 'Car 3+ years old' },
  SEG_TAG_FREQUENT_VISITS: { zh: '高频保养', en: 'Frequent visits' },
  SEG_TAG_RARE_VISITS: { zh: '低频到店', en: 'Rare visits' },
  SEG_TAG_FAULT_PRONE: { zh: '故障高发', en: 'Fault-prone' },
  SEG_TAG_HIGH_MILEAGE: { zh: '高里程', en: 'High mileage' },
  POINTS_DAILY_CAP_REACHED: { zh: '今日行为积分已达上限 {cap}（已得 {awarded}）', en: 'Today’s behaviour points are capped at {cap} ({awarded} already awarded)' },
});
