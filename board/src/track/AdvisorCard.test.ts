import { describe, expect, it } from 'vitest';
import AdvisorCard from './AdvisorCard.vue';
import { telHref } from './format';
import { mountWithI18n } from './testing';

describe('AdvisorCard', () => {
  it('shows the name and a call button dialling the advisor phone', () => {
    const w = mountWithI18n(AdvisorCard, { advisor: { name: '王晓明', phone: '010-6588 1234' } });
    expect(w.find('.name').text()).toBe('王晓明');
    const call = w.find('a.call');
    expect(call.attributes('href')).toBe('tel:010-65881234');
    expect(call.text()).toBe('致电服务顾问');
    expect(call.attributes('aria-label')).toBe('拨打服务顾问 王晓明 的电话');
  });

  it('has no call button without a phone', () => {
    const w = mountWithI18n(AdvisorCard, { advisor: { name: '李娜', phone: null } });
    expect(w.find('a').exists()).toBe(false);
    expect(w.text()).toContain('李娜');
  });

  it('keeps only dialable characters in the tel: link', () => {
    expect(telHref('+86 138 0013 8000')).toBe('tel:+8613800138000');
    expect(telHref('(010) 6588-1234 转 8')).toBe('tel:0106588-1234,8');
    expect(telHref('010 6588 1234 ext. 12')).toBe('tel:01065881234,12');
  });
});
