import { registerMessages, registerNouns } from '../../i18n/messages.js';

/** Stable userError codes of the quality check (R-QC-1/2). */
export const QualityCheckError = {
  ORDER_NOT_IN_QUALITY_CHECK: 'ORDER_NOT_IN_QUALITY_CHECK',
  QC_LEVEL_OUT_OF_ORDER: 'QC_LEVEL_OUT_OF_ORDER',
  QC_LEVEL_ALREADY_SIGNED: 'QC_LEVEL_ALREADY_SIGNED',
  QC_SAME_SIGNER: 'QC_SAME_SIGNER',
  QC_ROLE_REQUIRED: 'QC_ROLE_REQUIRED',
  QC_NOT_ON_CREW: 'QC_NOT_ON_CREW',
  CAUSE_REQUIRED: 'CAUSE_REQUIRED',
  RESPONSIBLE_REQUIRED: 'RESPONSIBLE_REQUIRED',
  NOT_APPLICABLE_ON_PASS: 'NOT_APPLICABLE_ON_PASS',
  ROAD_TEST_FINAL_ONLY: 'ROAD_TEST_FINAL_ONLY',
  QC_FINAL_REQUIRED: 'QC_FINAL_REQUIRED',
} as const;

registerMessages({
  ORDER_NOT_IN_QUALITY_CHECK: { zh: '工单状态为「{status}」，不在质检阶段', en: 'The work order is {status}, not in quality check' },
  QC_LEVEL_OUT_OF_ORDER: { zh: '请先完成{missing}（三检按自检、互检、终检顺序，不能跳过）', en: 'Sign the {missing} first (self, mutual, final — none skipped)' },
  QC_LEVEL_ALREADY_SIGNED: { zh: '本轮的{level}已签字', en: 'The {level} of this round is already signed' },
  QC_SAME_SIGNER: { zh: '您已签过该工单的{level}，同一人不能签两级检验', en: 'You signed the {level} of this work order; one person cannot sign two levels' },
  QC_ROLE_REQUIRED: { zh: '{level}须由{role}签字', en: 'The {level} is signed by a {role}' },
  QC_NOT_ON_CREW: { zh: '自检须由该工单的派工技师签字', en: 'The self-check is signed by a technician assigned to the order' },
  CAUSE_REQUIRED: { zh: '不合格时必须填写原因', en: 'Give the cause of the failure' },
  RESPONSIBLE_REQUIRED: { zh: '不合格时必须指定责任人', en: 'Name the person responsible' },
  NOT_APPLICABLE_ON_PASS: { zh: '合格时不填写原因和责任人', en: 'A cause and a responsible person are given only for a failure' },
  ROAD_TEST_FINAL_ONLY: { zh: '路试只在终检时登记', en: 'A road test is recorded with the final check only' },
  QC_FINAL_REQUIRED: { zh: '终检合格后才能离开质检', en: 'The car leaves quality check only after the final check passes' },
});

/** Level and role names inside the messages (params `level`, `missing`, `role` carry these keys). */
registerNouns({
  QC_SELF: { zh: '自检', en: 'self-check' },
  QC_MUTUAL: { zh: '互检', en: 'mutual check' },
  QC_FINAL: { zh: '终检', en: 'final check' },
  QC_BY_TECHNICIAN: { zh: '派工技师', en: 'technician assigned to the order' },
  QC_BY_TEAM_LEADER: { zh: '班组长', en: 'team leader' },
  QC_BY_QC_INSPECTOR: { zh: '质检员', en: 'QC inspector' },
});
