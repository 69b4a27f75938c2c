import { describe, expect, it } from 'vitest';
import WorkProgress from './WorkProgress.vue';
import { mountWithI18n, todayAt } from './testing';

describe('WorkProgress (R-WO-6 on the customer page)', () => {
  it('shows the reported percentage as a bar, the note and when', () => {
    const w = mountWithI18n(WorkProgress, { percent: 40, note: '已拆下正时罩盖，链条导轨磨损', at: todayAt(10, 5) });
    expect(w.find('.percent').text()).toBe('40%');
    expect(w.find('.fill').attributes('style')).toContain('width: 40%');
    expect(w.find('[role="progressbar"]').attributes('aria-valuenow')).toBe('40');
    expect(w.find('.note').text()).toBe('已拆下正时罩盖，链条导轨磨损');
    expect(w.find('.at').text()).toBe('10:05 更新');
  });

  it('shows nothing before the first report', () => {
    const w = mountWithI18n(WorkProgress, { percent: null, note: null, at: null });
    expect(w.find('[data-testid="work-progress"]').exists()).toBe(false);
  });
});
