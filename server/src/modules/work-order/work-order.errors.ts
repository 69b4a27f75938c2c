import { registerMessages } from '../../i18n/messages.js';

/** Stable userError codes of the work-order process (R-WO-*). */
export const WorkOrderError = {
  ILLEGAL_TRANSITION: 'ILLEGAL_TRANSITION',
  TRANSITION_NOT_PERMITTED: 'TRANSITION_NOT_PERMITTED',
  NOT_ASSIGNED: 'NOT_ASSIGNED',
  NOT_ASSIGNED_TO_YOU: 'NOT_ASSIGNED_TO_YOU',
  HOLD_REASON_REQUIRED: 'HOLD_REASON_REQUIRED',
  HOLD_REASON_NOT_APPLICABLE: 'HOLD_REASON_NOT_APPLICABLE',
  REASON_REQUIRED: 'REASON_REQUIRED',
  STALE_VERSION: 'STALE_VERSION',
  BAY_OCCUPIED: 'BAY_OCCUPIED',
  NOT_ASSIGNABLE: 'NOT_ASSIGNABLE',
  NOT_A_TECHNICIAN: 'NOT_A_TECHNICIAN',
  SKILL_MISMATCH: 'SKILL_MISMATCH',
  PROMISED_AT_IN_PAST: 'PROMISED_AT_IN_PAST',
  PROMISED_AT_TOO_FAR: 'PROMISED_AT_TOO_FAR',
  TOO_MANY: 'TOO_MANY',
  NOT_DELAYABLE: 'NOT_DELAYABLE',
} as const;

registerMessages({
  ILLEGAL_TRANSITION: { zh: '工单不能从「{from}」变为「{to}」', en: 'A work order cannot move from {from} to {to}' },
  TRANSITION_NOT_PERMITTED: { zh: '您的岗位不能将工单从「{from}」变为「{to}」', en: 'Your role may not move a work order from {from} to {to}' },
  NOT_ASSIGNED: { zh: '开工前须先派工：指定工位和技师', en: 'Assign a bay and a technician before work starts' },
  NOT_ASSIGNED_TO_YOU: { zh: '该工单未派给您', en: 'This work order is not assigned to you' },
  HOLD_REASON_REQUIRED: { zh: '暂停须选择原因', en: 'Putting an order on hold needs a hold reason' },
  HOLD_REASON_NOT_APPLICABLE: { zh: '只有暂停时才能填写暂停原因', en: 'A hold reason applies only when putting an order on hold' },
  REASON_REQUIRED: { zh: '请填写原因', en: 'A reason is required for this move' },
  BAY_OCCUPIED: { zh: '工位「{bay}」正在维修工单 {number}', en: 'Bay {bay} is busy with work order {number}' },
  NOT_ASSIGNABLE: { zh: '「{status}」状态的工单不能派工', en: 'A work order in status {status} cannot be assigned' },
  NOT_A_TECHNICIAN: { zh: '{name} 不是本店在岗技师', en: '{name} is not an active technician of this store' },
  SKILL_MISMATCH: { zh: '所派技师都不具备作业「{job}」所需技能（{skill}）', en: 'No assigned technician has the skill {skill} needed for job "{job}"' },
  PROMISED_AT_IN_PAST: { zh: '承诺交车时间不能早于现在', en: 'The promised time cannot be in the past' },
  PROMISED_AT_TOO_FAR: { zh: '承诺交车时间不能晚于 {days} 天后', en: 'The promised time cannot be more than {days} days ahead' },
  TOO_MANY: { zh: '最多 {max} 项', en: 'at most {max} items' },
  NOT_DELAYABLE: { zh: '「{status}」状态的工单不能登记延误', en: 'A delay cannot be reported for a work order in status {status}' },
});
