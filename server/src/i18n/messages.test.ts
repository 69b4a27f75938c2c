import { describe, expect, it } from 'vitest';
import { registerMessages, translate } from './messages.js';

describe('message catalogue', () => {
  it('a code registered again must say the same thing; a different text fails instead of replacing the first', () => {
    registerMessages({ TEST_ONLY_CODE: { zh: '甲', en: 'A' } });
    expect(() => registerMessages({ TEST_ONLY_CODE: { zh: '甲', en: 'A' } })).not.toThrow();
    expect(() => registerMessages({ TEST_ONLY_CODE: { zh: '乙', en: 'B' } })).toThrow(/TEST_ONLY_CODE/);
    expect(translate('zh', 'TEST_ONLY_CODE')).toBe('甲');
  });
});
