import { registerMessages, registerNouns } from '../../i18n/messages.js';

registerMessages({
  OUTBOX_UNKNOWN_TEMPLATE: { zh: '消息模板「{template}」不存在', en: 'Message template {template} does not exist' },
  OUTBOX_INVALID_TIME: { zh: '请输入 HH:mm 格式的时间', en: 'Use the HH:mm format' },
  OUTBOX_INVALID_LOCALE: { zh: '语言只能是 zh 或 en', en: 'The language must be zh or en' },
});
registerNouns({ OutboxMessage: { zh: '消息', en: 'message' } });
