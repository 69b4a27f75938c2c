import { registerMessages } from '../../i18n/messages.js';

registerMessages({
  CARE_INVALID_DATE: { zh: '请输入 YYYY-MM-DD 格式的日期', en: 'Use a YYYY-MM-DD date' },
  CARE_RANGE_TOO_LONG: { zh: '结束日期须不早于开始日期，且范围不超过 {days} 天', en: 'The end must not be before the start, and the range at most {days} days' },
});
