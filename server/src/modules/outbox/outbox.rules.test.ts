import { describe, expect, it } from 'vitest';
import { quietUntil, retryDelayMs } from './outbox.rules.js';
import { renderTemplate } from './outbox.templates.js';

const TZ = 'Asia/Shanghai';

describe('outbox rules (pure)', () => {
  it('R-CARE-7 quiet hours 21:00–08:00 wrap midnight: inside, the message waits for 08:00 local', () => {
    expect(quietUntil(new Date('2027-03-01T22:30:00+08:00'), TZ, '21:00', '08:00')?.toISOString()).toBe(new Date('2027-03-02T08:00:00+08:00').toISOString());
    expect(quietUntil(new Date('2027-03-02T07:59:00+08:00'), TZ, '21:00', '08:00')?.toISOString()).toBe(new Date('2027-03-02T08:00:00+08:00').toISOString());
    expect(quietUntil(new Date('2027-03-02T08:00:00+08:00'), TZ, '21:00', '08:00')).toBeNull();
    expect(quietUntil(new Date('2027-03-02T13:00:00+08:00'), TZ, '12:00', '14:00')?.toISOString()).toBe(new Date('2027-03-02T14:00:00+08:00').toISOString());
  });

  it('R-CARE-7 retries back off: 1, 2, 4 minutes from a 60-second base', () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n, 60))).toEqual([60_000, 120_000, 240_000]);
  });

  it('R-WO-7 templates render in zh and en; a bracketed part is left out when its variable is empty', () => {
    const vars = { customer: '张伟', store: '测试店', storePhone: '010-1', plate: '京A12345', number: 'WO-1', reason: '配件晚到', promisedAt: '03-02 17:00' };
    expect(renderTemplate('WORK_ORDER_DELAY', 'zh', { ...vars, remedy: '免费代步车' })).toContain('我们为您提供：免费代步车。');
    expect(renderTemplate('WORK_ORDER_DELAY', 'zh', { ...vars, remedy: null })).not.toContain('我们为您提供');
    expect(renderTemplate('WORK_ORDER_DELAY', 'en', { ...vars, remedy: 'a courtesy car' })).toContain('We offer you: a courtesy car.');
  });
});
