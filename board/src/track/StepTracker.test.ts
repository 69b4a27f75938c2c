import { describe, expect, it } from 'vitest';
import StepTracker from './StepTracker.vue';
import { mountWithI18n, steps, todayAt } from './testing';
import type { ProgressStep } from './types';

const rows = (w: ReturnType<typeof mountWithI18n>) => w.findAll('li.step');

describe('StepTracker', () => {
  it('renders the six steps in order with the server labels', () => {
    const w = mountWithI18n(StepTracker, { steps: steps('DONE', 'DONE', 'CURRENT') });
    expect(rows(w).map((r) => r.find('.label').text())).toEqual(['接车', '诊断报价', '维修中', '质检', '洗车', '待交车']);
  });

  it('marks each state and highlights only the current step', () => {
    const w = mountWithI18n(StepTracker, { steps: steps('DONE', 'DONE', 'CURRENT', 'PENDING', 'SKIPPED', 'PENDING') });
    const r = rows(w);
    expect(r.map((x) => x.attributes('data-state'))).toEqual(['DONE', 'DONE', 'CURRENT', 'PENDING', 'SKIPPED', 'PENDING']);
    expect(r[0].classes()).toContain('is-done');
    expect(r[2].classes()).toContain('is-current');
    expect(r[3].classes()).toContain('is-pending');
    expect(r[4].classes()).toContain('is-skipped');
    expect(w.findAll('[aria-current="step"]').map((x) => x.attributes('data-key'))).toEqual(['REPAIR']);
    expect(r[2].find('.state').text()).toBe('进行中');
    expect(r[2].find('.state').classes()).not.toContain('sr-only');
  });

  it('shows skipped steps as skipped (badge, not a pending step)', () => {
    const w = mountWithI18n(StepTracker, { steps: steps('DONE', 'DONE', 'DONE', 'DONE', 'SKIPPED', 'CURRENT') });
    const wash = w.find('[data-key="WASH"]');
    expect(wash.classes()).toContain('is-skipped');
    expect(wash.find('.state').text()).toBe('已跳过');
    expect(wash.find('.state').classes()).not.toContain('sr-only');
    expect(wash.find('time').exists()).toBe(false);
  });

  it('shows a time only for reached steps: HH:mm today, with the date otherwise', () => {
    const list: ProgressStep[] = steps('DONE', 'DONE', 'CURRENT', 'PENDING', 'SKIPPED', 'PENDING');
    list[0] = { ...list[0], at: new Date(2020, 2, 5, 9, 7).toISOString() };
    list[2] = { ...list[2], at: todayAt(14, 5) };
    // even if a pending or skipped step carried a time, it is not shown
    list[3] = { ...list[3], at: todayAt(15, 0) };
    list[4] = { ...list[4], at: todayAt(15, 0) };
    const w = mountWithI18n(StepTracker, { steps: list });
    const times = Object.fromEntries(rows(w).map((r) => [r.attributes('data-key'), r.find('time').exists() ? r.find('time').text() : null]));
    expect(times).toEqual({ RECEIVED: '2020年3月5日 09:07', ESTIMATE: expect.stringMatching(/^\d\d:\d\d$/), REPAIR: '14:05', QUALITY_CHECK: null, WASH: null, READY: null });
  });

  it('speaks English state names when the page is in English', () => {
    const w = mountWithI18n(StepTracker, { steps: steps('DONE', 'CURRENT', 'PENDING', 'PENDING', 'SKIPPED') }, 'en');
    expect(w.find('[data-key="ESTIMATE"] .state').text()).toBe('In progress');
    expect(w.find('[data-key="WASH"] .state').text()).toBe('Skipped');
    expect(w.find('[data-key="RECEIVED"] time').text()).toBe('08:05');
  });
});

describe('paused order', () => {
  it('labels the current step paused while the order is on hold', async () => {
    const { default: Tracker } = await import('./StepTracker.vue');
    const { mountWithI18n, steps } = await import('./testing');
    const w = mountWithI18n(Tracker, { steps: steps('DONE', 'DONE', 'CURRENT', 'PENDING', 'PENDING', 'PENDING'), paused: true });
    expect(w.find('[data-state="CURRENT"] .state').text()).toBe('已暂停');
  });

  it('R-QC-1: the quality-check step tells which level is done', () => {
    const list = steps('DONE', 'DONE', 'DONE', 'CURRENT', 'PENDING', 'PENDING').map((s) => (s.key === 'QUALITY_CHECK' ? { ...s, detail: '互检已完成' } : s));
    const w = mountWithI18n(StepTracker, { steps: list });
    expect(w.find('[data-key="QUALITY_CHECK"] .detail').text()).toBe('互检已完成');
    expect(w.findAll('.detail')).toHaveLength(1);
  });
});
