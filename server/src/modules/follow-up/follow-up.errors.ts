import { registerMessages, registerNouns } from '../../i18n/messages.js';

registerMessages({
  TASK_NOT_OPEN: { zh: '该任务已完成或已取消', en: 'This task is already done or cancelled' },
  SURVEY_NEEDS_REACHED: { zh: '只有联系上客户时才能记录满意度', en: 'A survey can only be recorded when the customer was reached' },
  SURVEY_EXISTS: { zh: '该工单已有满意度调查', en: 'This visit already has a survey' },
  SURVEY_NOT_OPEN: { zh: '车辆交车后才能评价本次服务', en: 'The visit can be rated once the car is delivered' },
  SURVEY_NEEDS_WORK_ORDER: { zh: '该任务没有关联工单，不能记录满意度', en: 'This task has no visit to rate' },
});
registerNouns({ Task: { zh: '任务', en: 'task' } });
