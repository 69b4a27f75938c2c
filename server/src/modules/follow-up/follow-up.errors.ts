import { registerMessages, registerNouns } from '../../i18n/messages.js';
import { registerTemplates } from '../outbox/outbox.templates.js';

registerMessages({
  TASK_NOT_OPEN: { zh: '该任务已完成或已取消', en: 'This task is already done or cancelled' },
  SURVEY_NEEDS_REACHED: { zh: '只有联系上客户时才能记录满意度', en: 'A survey can only be recorded when the customer was reached' },
  SURVEY_EXISTS: { zh: '该工单已有满意度调查', en: 'This visit already has a survey' },
  SURVEY_NOT_OPEN: { zh: '车辆交车后才能评价本次服务', en: 'The visit can be rated once the car is delivered' },
  SURVEY_NEEDS_WORK_ORDER: { zh: '该任务没有关联工单，不能记录满意度', en: 'This task has no visit to rate' },
});
registerNouns({ Task: { zh: '任务', en: 'task' } });

registerTemplates({
  SURVEY_LINK: {
    zh: '【{store}】{customer}您好，感谢您选择我们为{plate}服务。回访电话未能联系到您，欢迎点击链接为本次服务评分：{link}',
    en: '[{store}] Dear {customer}, thank you for trusting us with {plate}. We could not reach you by phone; please rate the visit here: {link}',
  },
});
