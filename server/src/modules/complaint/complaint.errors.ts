import { registerMessages, registerNouns } from '../../i18n/messages.js';

registerMessages({
  COMPLAINT_NOTE_REQUIRED: { zh: '请填写说明（答复、处理结果或重开原因）', en: 'A note is required (the response, the resolution or why it is reopened)' },
  COMPLAINT_NOTHING_DUE: { zh: '该期限已无需处理', en: 'Nothing is due for this deadline any more' },
  WORK_ORDER_NOT_OF_CUSTOMER: { zh: '该工单不属于此客户', en: 'The work order is not this customer’s' },
});
registerNouns({ Complaint: { zh: '投诉', en: 'complaint' } });
