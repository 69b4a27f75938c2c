import type { Locale } from '../../i18n/locale.js';
import { type QualityLevel, WorkOrderStatus as S } from '../work-order/work-order.enums.js';
import { type ProgressStep, ProgressStepKey as K, ProgressStepState as St } from './progress.types.js';

const ORDER: readonly K[] = [K.RECEIVED, K.ESTIMATE, K.REPAIR, K.QUALITY_CHECK, K.WASH, K.READY];

const LABELS: Record<Locale, Record<K, string>> = {
  zh: { RECEIVED: '接车', ESTIMATE: '诊断报价', REPAIR: '维修中', QUALITY_CHECK: '质检', WASH: '洗车', READY: '待交车' },
  en: { RECEIVED: 'Received', ESTIMATE: 'Diagnosis & estimate', REPAIR: 'Repair', QUALITY_CHECK: 'Quality check', WASH: 'Wash', READY: 'Ready' },
};

/** The customer-facing step a status belongs to (QUEUED and ON_HOLD count as the repair stage). */
const STEP_OF: Record<S, K | null> = {
  DRAFT: K.RECEIVED,
  AWAITING_APPROVAL: K.ESTIMATE,
  QUEUED: K.REPAIR,
  IN_PROGRESS: K.REPAIR,
  ON_HOLD: K.REPAIR,
  QUALITY_CHECK: K.QUALITY_CHECK,
  WASHING: K.WASH,
  READY: K.READY,
  DELIVERED: K.READY,
  CANCELLED: null,
};

const QC_DONE: Record<Locale, Record<QualityLevel, string>> = {
  zh: { SELF: '自检已完成', MUTUAL: '互检已完成', FINAL: '终检已完成' },
  en: { SELF: 'Self-check done', MUTUAL: 'Mutual check done', FINAL: 'Final check done' },
};

export interface StatusChange {
  to: S;
  at: Date;
}

/** Pure: the step tracker from the order's status history (oldest first). */
export function progressSteps(status: S, washRequested: boolean, createdAt: Date, history: readonly StatusChange[], locale: Locale, qualityLevel: QualityLevel | null = null): ProgressStep[] {
  const reachedAt = new Map<K, Date>([[K.RECEIVED, createdAt]]);
  let lastStep: K = K.RECEIVED;
  for (const change of history) {
    const step = STEP_OF[change.to];
    if (!step) continue;
    if (!reachedAt.has(step)) reachedAt.set(step, change.at);
    lastStep = step;
  }
  const current = STEP_OF[status] ?? lastStep;
  const currentIndex = ORDER.indexOf(current);
  return ORDER.map((key, i) => {
    let state: St;
    if (status === S.CANCELLED) state = reachedAt.has(key) ? St.DONE : St.SKIPPED;
    else if (key === K.WASH && !reachedAt.has(K.WASH) && (!washRequested || i < currentIndex)) state = St.SKIPPED;
    else if (i < currentIndex || (i === currentIndex && status === S.DELIVERED)) state = St.DONE;
    else if (i === currentIndex) state = St.CURRENT;
    else state = St.PENDING;
    const step: ProgressStep = { key, label: LABELS[locale][key], state, at: state === St.SKIPPED || state === St.PENDING ? null : (reachedAt.get(key) ?? null) };
    // R-QC-1: the current quality check says which level is done.
    if (key === K.QUALITY_CHECK) step.detail = status === S.QUALITY_CHECK && qualityLevel ? QC_DONE[locale][qualityLevel] : null;
    return step;
  });
}
