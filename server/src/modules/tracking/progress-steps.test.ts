import { describe, expect, it } from 'vitest';
import { QualityLevel, WorkOrderStatus as S } from '../work-order/work-order.enums.js';
import { progressSteps } from './progress-steps.js';

const t = (m: number) => new Date(Date.UTC(2026, 10, 22, 2, m));
const states = (steps: ReturnType<typeof progressSteps>) => steps.map((s) => `${s.key}:${s.state}`);

describe('customer step tracker', () => {
  it('a new order is at reception', () => {
    const steps = progressSteps(S.DRAFT, true, t(0), [], 'zh');
    expect(states(steps)).toEqual(['RECEIVED:CURRENT', 'ESTIMATE:PENDING', 'REPAIR:PENDING', 'QUALITY_CHECK:PENDING', 'WASH:PENDING', 'READY:PENDING']);
    expect(steps.map((s) => s.label)).toEqual(['接车', '诊断报价', '维修中', '质检', '洗车', '待交车']);
    expect(steps[0].at).toEqual(t(0));
  });

  it('on hold counts as the repair stage; times are when each step was first reached', () => {
    const history = [
      { to: S.AWAITING_APPROVAL, at: t(10) },
      { to: S.QUEUED, at: t(20) },
      { to: S.IN_PROGRESS, at: t(30) },
      { to: S.ON_HOLD, at: t(40) },
    ];
    const steps = progressSteps(S.ON_HOLD, true, t(0), history, 'en');
    expect(states(steps)).toEqual(['RECEIVED:DONE', 'ESTIMATE:DONE', 'REPAIR:CURRENT', 'QUALITY_CHECK:PENDING', 'WASH:PENDING', 'READY:PENDING']);
    expect(steps[2]).toMatchObject({ label: 'Repair', at: t(20) });
  });

  it('after rework the car is back in repair and quality check is pending again', () => {
    const history = [
      { to: S.AWAITING_APPROVAL, at: t(1) },
      { to: S.QUEUED, at: t(2) },
      { to: S.IN_PROGRESS, at: t(3) },
      { to: S.QUALITY_CHECK, at: t(4) },
      { to: S.IN_PROGRESS, at: t(5) },
    ];
    expect(states(progressSteps(S.IN_PROGRESS, true, t(0), history, 'zh'))).toEqual(['RECEIVED:DONE', 'ESTIMATE:DONE', 'REPAIR:CURRENT', 'QUALITY_CHECK:PENDING', 'WASH:PENDING', 'READY:PENDING']);
  });

  it('no wash ordered: WASH is skipped from the start', () => {
    expect(states(progressSteps(S.QUEUED, false, t(0), [{ to: S.AWAITING_APPROVAL, at: t(1) }, { to: S.QUEUED, at: t(2) }], 'zh'))[4]).toBe('WASH:SKIPPED');
  });

  it('cancelled: reached steps done, the rest skipped', () => {
    expect(states(progressSteps(S.CANCELLED, true, t(0), [{ to: S.AWAITING_APPROVAL, at: t(1) }, { to: S.CANCELLED, at: t(2) }], 'zh'))).toEqual([
      'RECEIVED:DONE',
      'ESTIMATE:DONE',
      'REPAIR:SKIPPED',
      'QUALITY_CHECK:SKIPPED',
      'WASH:SKIPPED',
      'READY:SKIPPED',
    ]);
  });
});

describe('R-QC-1 the quality-check step says which level is done', () => {
  const history = [
    { to: S.AWAITING_APPROVAL, at: t(1) },
    { to: S.QUEUED, at: t(2) },
    { to: S.IN_PROGRESS, at: t(3) },
    { to: S.QUALITY_CHECK, at: t(4) },
  ];
  it('shows the level passed while in quality check, nothing otherwise', () => {
    expect(progressSteps(S.QUALITY_CHECK, true, t(0), history, 'zh', QualityLevel.MUTUAL)[3]).toMatchObject({ key: 'QUALITY_CHECK', state: 'CURRENT', detail: '互检已完成' });
    expect(progressSteps(S.QUALITY_CHECK, true, t(0), history, 'en', QualityLevel.SELF)[3].detail).toBe('Self-check done');
    expect(progressSteps(S.QUALITY_CHECK, true, t(0), history, 'zh', null)[3].detail).toBeNull();
    expect(progressSteps(S.IN_PROGRESS, true, t(0), history.slice(0, 3), 'zh', QualityLevel.FINAL)[3].detail).toBeNull();
  });
});
