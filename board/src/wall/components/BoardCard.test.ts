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
const render = (c = card('1'), locale = 'zh') =>
  mount(BoardCard, { props: { card: c, minute: now, staleAfterMinutes: 30, timeZone: 'Asia/Shanghai' }, global: { plugins: [i18n(locale), createPinia()] } });

describe('BoardCard', () => {
  it('shows plate, model, colour, technicians, bay, advisor, time in stage against standard, promise', () => {
    const w = render(card('12', { promisedAt: '2026-11-22T17:00:00+08:00', technicians: [{ id: 'a', name: '赵磊' }, { id: 'b', name: '孙鹏' }] }));
    const text = w.text();
    expect(w.find('.plate').text()).toBe('京A·00012');
    for (const part of ['朗逸', '白', '赵磊 孙鹏', '1号工位', '王芳', '标准 1.5h', '承诺 17:00']) expect(text).toContain(part);
  });

  it('renders every flag as an icon with words; overdue red, stale amber', () => {
    const overdue = render(card('1', { flags: ['WAITING_PARTS', 'VIP', 'WARRANTY', 'CUSTOMER_WAITING', 'APPOINTMENT', 'REWORK', 'WAITING_APPROVAL'], promisedAt: ago(5), updatedAt: ago(45) }));
    const chips = overdue.findAll('.flag');
    expect(chips.map((c) => c.text())).toEqual(['等配件', 'VIP', '索赔', '客户在店等', '预约', '返工', '待客户确认', '45分钟未更新', '超时']);
    expect(chips.every((c) => c.find('svg').exists())).toBe(true);
    expect(overdue.classes()).toContain('overdue');
    const stale = render(card('2', { updatedAt: ago(31) }));
    expect(stale.classes()).toContain('stale');
    expect(render(card('3')).classes()).not.toContain('stale');
  });

  it('speaks English', () => {
    const w = render(card('1', { promisedAt: ago(5) }), 'en');
    expect(w.find('.flag-OVERDUE').text()).toBe('Overdue');
  });
});
