import { registerEnumType } from 'type-graphql';

/** R-SEG-1: the customer's car by age, each with its service approach (seed 003: 保修期内 / 2~5 年 / 5 年以上). */
export enum VehicleAgeClass {
  IN_WARRANTY = 'IN_WARRANTY',
  TWO_TO_FIVE_YEARS = 'TWO_TO_FIVE_YEARS',
  OVER_FIVE_YEARS = 'OVER_FIVE_YEARS',
}

/** R-SEG-4: how urgent winning the customer back is. */
export enum ChurnRiskLevel {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
}

/** R-SEG-4 tags computed from history (seed 004: 购车年限, 消费频次, 车辆状态). */
export enum SegmentTag {
  NEW_CAR = 'NEW_CAR',
  OLD_CAR = 'OLD_CAR',
  FREQUENT_VISITS = 'FREQUENT_VISITS',
  RARE_VISITS = 'RARE_VISITS',
  FAULT_PRONE = 'FAULT_PRONE',
  HIGH_MILEAGE = 'HIGH_MILEAGE',
}

/** R-SEG-5: why behaviour points are given (seed 004: 签到、分享得积分). */
export enum BehaviourPointsReason {
  CHECK_IN = 'CHECK_IN',
  SHARE = 'SHARE',
  SURVEY = 'SURVEY',
  REFERRAL = 'REFERRAL',
  EVENT = 'EVENT',
}

registerEnumType(VehicleAgeClass, {
  name: 'VehicleAgeClass',
  description: 'R-SEG-1: the age class of the customer’s car.',
  valuesConfig: {
    IN_WARRANTY: { description: 'Still under warranty (保修期内): keep the service habit, build trust.' },
    TWO_TO_FIVE_YEARS: { description: 'Out of warranty, up to 5 years old (2~5 年): the marketing focus; quality, clear process and price, points.' },
    OVER_FIVE_YEARS: { description: 'Over 5 years old (5 年以上): do not give up; find new needs (major repairs, accidents).' },
  },
});
registerEnumType(ChurnRiskLevel, {
  name: 'ChurnRiskLevel',
  description: 'R-SEG-4: how likely the customer is lost.',
  valuesConfig: {
    HIGH: { description: 'Likely lost: left after the warranty, no visit for twice the lost threshold, or a major complaint unresolved.' },
    MEDIUM: { description: 'At risk: no visit past the lost threshold (6 months by default), or a complaint unresolved.' },
  },
});
registerEnumType(SegmentTag, {
  name: 'SegmentTag',
  description: 'R-SEG-4: a tag computed from the customer’s history.',
  valuesConfig: {
    NEW_CAR: { description: 'The car is less than a year old (新车).' },
    OLD_CAR: { description: 'The car is 3 years old or more (老客户, 购车 3 年以上).' },
    FREQUENT_VISITS: { description: 'Visits often (高频保养): at least the store’s frequent-visit count in the look-back window.' },
    RARE_VISITS: { description: 'Visits rarely (低频): at most one visit in the look-back window.' },
    FAULT_PRONE: { description: 'Repairs other than maintenance at least the store’s fault-prone count in the window (故障高发).' },
    HIGH_MILEAGE: { description: 'Drives more than the store’s high-mileage kilometres a year (高里程).' },
  },
});
registerEnumType(BehaviourPointsReason, {
  name: 'BehaviourPointsReason',
  description: 'R-SEG-5: why behaviour points are awarded.',
  valuesConfig: {
    CHECK_IN: { description: 'Checked in (签到), at the store or in the app.' },
    SHARE: { description: 'Shared the store or a campaign (分享).' },
    SURVEY: { description: 'Answered a survey (问卷).' },
    REFERRAL: { description: 'Brought a new customer (推荐).' },
    EVENT: { description: 'Took part in a store event (客户活动).' },
  },
});

/** The ledger's words for each behaviour (ledger reasons are written in the store's language, zh). */
export const BEHAVIOUR_LABELS: Record<BehaviourPointsReason, string> = {
  CHECK_IN: '签到',
  SHARE: '分享',
  SURVEY: '问卷',
  REFERRAL: '推荐新客户',
  EVENT: '参加活动',
};
