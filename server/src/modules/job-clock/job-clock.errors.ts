import { registerMessages } from '../../i18n/messages.js';

/** Stable userError codes of the job clock and progress notes (R-WO-4, R-WO-6). */
export const JobClockError = {
  NOT_A_TECHNICIAN: 'CLOCK_NOT_A_TECHNICIAN',
  NOT_ON_CREW: 'CLOCK_NOT_ON_CREW',
  ORDER_NOT_IN_WORK: 'CLOCK_ORDER_NOT_IN_WORK',
  JOB_WAITING_APPROVAL: 'JOB_WAITING_APPROVAL',
  JOB_DONE: 'JOB_DONE',
  ALREADY_CLOCKED_ON: 'ALREADY_CLOCKED_ON',
  NOT_CLOCKED_ON: 'NOT_CLOCKED_ON',
  FINISHED_ONLY_WITH_OFF: 'FINISHED_ONLY_WITH_OFF',
  JOB_STILL_CLOCKED: 'JOB_STILL_CLOCKED',
  ORDER_NOT_IN_WORKSHOP: 'PROGRESS_ORDER_NOT_IN_WORKSHOP',
  PROGRESS_NOT_PERMITTED: 'PROGRESS_NOT_PERMITTED',
} as const;

registerMessages({
  CLOCK_NOT_A_TECHNICIAN: { zh: '只有技师可以打卡', en: 'Only technicians clock on and off jobs' },
  CLOCK_NOT_ON_CREW: { zh: '您不是该工单的派工技师', en: 'You are not assigned to this work order' },
  CLOCK_ORDER_NOT_IN_WORK: { zh: '工单状态为「{status}」，不能开工打卡', en: 'The work order is {status}; jobs cannot be clocked on' },
  // One code for the job clock and the parts issue (R-EST-6): the job waits for the customer's approval.
  JOB_WAITING_APPROVAL: { zh: '追加项目「{job}」尚待客户确认，不能施工或发料', en: 'The supplemental job “{job}” waits for the customer’s approval; it cannot be worked on or given parts' },
  JOB_DONE: { zh: '作业「{job}」已完工', en: 'The job “{job}” is already done' },
  ALREADY_CLOCKED_ON: { zh: '您正在作业「{job}」（工单 {number}）上打卡，请先收工', en: 'You are clocked on “{job}” (work order {number}); clock off first' },
  NOT_CLOCKED_ON: { zh: '您没有在该作业上打卡', en: 'You are not clocked on this job' },
  FINISHED_ONLY_WITH_OFF: { zh: '只有收工时可以标记完工', en: 'A job is finished when clocking off' },
  JOB_STILL_CLOCKED: { zh: '{names} 仍在该作业上打卡，不能标记完工', en: '{names} still clocked on this job; it cannot be finished yet' },
  PROGRESS_ORDER_NOT_IN_WORKSHOP: { zh: '工单状态为「{status}」，车辆不在车间', en: 'The work order is {status}; the car is not in the workshop' },
  PROGRESS_NOT_PERMITTED: { zh: '只有派工技师、班组长和车间主管可以报告进度', en: 'Only the assigned technicians, team leaders and the foreman report progress' },
});
