import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { messages } from '../i18n';
import { card } from '../test-cards';
import BoardCard from './BoardCard.vue';

const now = Date.parse('2026-11-22T10:00:00+08:00');
const ago = (m: number) => new Date(now - m * 60_000).toISOString();
const i18n = (locale = 'zh') => createI18n({ legacy: false, locale, messages });
const render = (c = card('1'), locale = 'zh', density: 'full' | 'strip' = 'full', inLane = false) =>
  mount(BoardCard, { props: { card: c, minute: now, timeZone: 'Asia/Shanghai', density, inLane }, global: { plugins: [i18n(locale), createPinia()] } });

describe('BoardCard', () => {
  it('R-WO-4: clocked against standard hours once someone clocked on; R-QC-1: the level signed while in quality check', () => {
    expect(render(card('21', { clockedHours: 1.25 })).find('.hours').text()).toBe('工时 1.3/1.5h');
    expect(render(card('22', { clockedHours: 0.5 }), 'en').find('.hours').text()).toBe('0.5/1.5h std');
    const qc = render(card('23', { status: 'QUALITY_CHECK', qualityLevel: 'MUTUAL' }));
    expect(qc.find('.time').text()).toContain('互检✓');
    expect(render(card('24', { status: 'QUALITY_CHECK', qualityLevel: 'SELF' }), 'zh', 'strip', true).find('.stage').text()).toContain('自检✓');
    expect(render(card('25', { qualityLevel: null })).text()).not.toContain('✓');
  });

  it('shows plate, model, colour, technicians, bay, time in stage against standard, promise', () => {
    const w = render(card('12', { promisedAt: '2026-11-22T17:00:00+08:00', technicians: [{ id: 'a', name: '赵磊' }, { id: 'b', name: '孙鹏' }] }));
    const text = w.text();
    expect(w.find('.plate').text()).toBe('京A·00012');
    for (const part of ['朗逸', '白', '赵磊 孙鹏', '1号工位', '标准 1.5h', '承诺 17:00']) expect(text).toContain(part);
  });

  it('as a strip, puts plate, bay (in a lane: stage), time and promise on one line and the crew with the flags on the next', () => {
    const c = card('7', { status: 'ON_HOLD', promisedAt: ago(5), statusSince: ago(70), technicians: [{ id: 'a', name: '赵磊' }] });
    const [first, second] = render(c, 'zh', 'strip').findAll('.line');
    expect(first.text()).toBe('京A·00007' + '1号工位' + '1时10分' + '承诺 09:55');
    expect(second.text()).toBe('赵磊超时');
    expect(render(c, 'zh', 'strip', true).find('.line').text()).toBe('京A·00007' + '暂停 1时10分' + '承诺 09:55');
  });

  it('renders every flag as an icon with words; overdue red, stale amber', () => {
    const overdue = render(card('1', { flags: ['WAITING_PARTS', 'VIP', 'WARRANTY', 'CUSTOMER_WAITING', 'APPOINTMENT', 'REWORK', 'WAITING_APPROVAL'], promisedAt: ago(5), updatedAt: ago(45) }));
    const chips = overdue.findAll('.flag');
    // Most severe first, so that what blocks the car is the last thing to be cut off.
    expect(chips.map((c) => c.text())).toEqual(['超时', '45分钟未更新', '返工', '等配件', '待客户确认', '客户在店等', 'VIP', '索赔', '预约']);
    expect(chips.every((c) => c.find('svg').exists())).toBe(true);
    expect(overdue.classes()).toContain('overdue');
    const stale = render(card('2', { updatedAt: ago(31) }));
    expect(stale.classes()).toContain('stale');
    expect(render(card('3')).classes()).not.toContain('stale');
  });

  it('shows time in stage as hours and minutes, the bar only while in progress, no STALE while the wall is offline', () => {
    const long = render(card('1', { statusSince: ago(179) }));
    expect(long.find('.timing .time').text()).toBe('2时59分');
    expect(long.find('.timing .hours').text()).toBe('标准 1.5h');
    expect(long.find('.bar').exists()).toBe(true);
    expect(render(card('2', { status: 'READY', statusSince: ago(65) })).find('.bar').exists()).toBe(false);
    const offline = mount(BoardCard, {
      props: { card: card('3', { updatedAt: ago(45) }), minute: now, timeZone: 'Asia/Shanghai', live: false },
      global: { plugins: [i18n(), createPinia()] },
    });
    expect(offline.find('.flag-STALE').exists()).toBe(false);
  });

  it('speaks English', () => {
    const w = render(card('1', { promisedAt: ago(5) }), 'en');
    expect(w.find('.flag-OVERDUE').text()).toBe('Overdue');
  });
});
