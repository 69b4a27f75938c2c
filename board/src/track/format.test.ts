import { describe, expect, it } from 'vitest';
import { formatTime, tokenFromPath } from './format';

describe('formatTime', () => {
  const now = new Date(2026, 10, 22, 15, 0);
  it('gives HH:mm for today', () => {
    expect(formatTime(new Date(2026, 10, 22, 9, 5), 'zh', now)).toBe('09:05');
    expect(formatTime(new Date(2026, 10, 22, 23, 59).toISOString(), 'en', now)).toBe('23:59');
  });
  it('adds the date on other days, and the year in other years', () => {
    expect(formatTime(new Date(2026, 10, 21, 18, 30), 'zh', now)).toBe('11月21日 18:30');
    expect(formatTime(new Date(2026, 10, 23, 8, 0), 'en', now)).toBe('23 Nov 08:00');
    expect(formatTime(new Date(2025, 11, 31, 8, 0), 'zh', now)).toBe('2025年12月31日 08:00');
    expect(formatTime(new Date(2025, 11, 31, 8, 0), 'en', now)).toBe('31 Dec 2025 08:00');
  });
  it('gives nothing for an invalid time', () => {
    expect(formatTime('nope', 'zh', now)).toBe('');
  });
});

describe('tokenFromPath', () => {
  it('reads /t/<token>', () => {
    expect(tokenFromPath('/t/abcDEF_123-xyz')).toBe('abcDEF_123-xyz');
    expect(tokenFromPath('/t/abc/')).toBe('abc');
  });
  it('is empty for anything else', () => {
    expect(tokenFromPath('/')).toBe('');
    expect(tokenFromPath('/t/')).toBe('');
    expect(tokenFromPath('/track.html')).toBe('');
    expect(tokenFromPath('/t/a/b')).toBe('');
    expect(tokenFromPath('/t/%E0%A4%A')).toBe('');
  });
});

describe('store time zone', () => {
  it('shows the workshop’s time whatever the phone is set to', async () => {
    const { formatTime: fmt } = await import('./format');
    const promise = '2026-11-22T05:21:00+08:00';
    expect(fmt(promise, 'zh', new Date('2026-11-22T04:00:00+08:00'), 'Asia/Shanghai')).toBe('05:21');
    expect(fmt(promise, 'en', new Date('2026-11-22T04:00:00+08:00'), 'Europe/London')).toBe('21:21'); // the phone's zone would be wrong here: the test pins the zone explicitly
  });
});
