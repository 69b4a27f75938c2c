import { describe, expect, it } from 'vitest';
import DelayNotice from './DelayNotice.vue';
import { mountWithI18n } from './testing';

describe('DelayNotice', () => {
  it('renders nothing without a delay', () => {
    const w = mountWithI18n(DelayNotice, { delay: null });
    expect(w.find('.delay').exists()).toBe(false);
    expect(w.text()).toBe('');
  });

  it('shows the reason and the remedy (R-WO-7)', () => {
    const w = mountWithI18n(DelayNotice, { delay: { reason: '原厂配件晚到一天', remedy: '免费提供代步车' } });
    expect(w.find('.title').text()).toBe('延误说明');
    expect(w.find('.reason').text()).toBe('原厂配件晚到一天');
    expect(w.find('.sub').text()).toBe('补偿措施');
    expect(w.find('.remedy').text()).toBe('免费提供代步车');
  });

  it('leaves out the remedy heading when there is none', () => {
    const w = mountWithI18n(DelayNotice, { delay: { reason: '等待配件', remedy: null } });
    expect(w.find('.reason').text()).toBe('等待配件');
    expect(w.find('.sub').exists()).toBe(false);
  });
});
