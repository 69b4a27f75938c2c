import { registerMessages } from '../../i18n/messages.js';

registerMessages({
  CAMPAIGN_UNKNOWN_TEMPLATE: { zh: '没有这个活动模板（可用：{templates}）', en: 'is not a campaign template (known: {templates})' },
  CAMPAIGN_SEND_NOT_AHEAD: { zh: '发送时间须在现在之后 {days} 天以内', en: 'must be in the future, within {days} days' },
  CAMPAIGN_CHANNEL_NOT_ALLOWED: { zh: '电话任务不能用于营销活动', en: 'a phone call is not a campaign channel' },
  CAMPAIGN_INVALID_DATE: { zh: '日期格式应为 YYYY-MM-DD', en: 'must be a date, YYYY-MM-DD' },
});
