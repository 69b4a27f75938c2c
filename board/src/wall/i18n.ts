import { createI18n } from 'vue-i18n';

const LOCALE_KEY = 'workbay.locale';

const zh = {
  title: '车间看板',
  stage: { RECEPTION: '接待', QUEUED: '待派工', IN_PROGRESS: '维修中', ON_HOLD: '暂停', QUALITY_CHECK: '质检', WASHING: '洗车', READY: '待交车' },
  status: { DRAFT: '接车中', AWAITING_APPROVAL: '待确认报价' },
  flag: {
    WAITING_PARTS: '等配件',
    WAITING_APPROVAL: '待客户确认',
    REWORK: '返工',
    STALE: '30分钟未更新',
    OVERDUE: '超时',
    VIP: 'VIP',
    WARRANTY: '索赔',
    CUSTOMER_WAITING: '客户在店等',
    APPOINTMENT: '预约',
  },
  staleMinutes: '{n}分钟未更新',
  minutes: '{n}分',
  hoursMinutes: '{h}时{m}分',
  standard: '标准 {h}h',
  clocked: '工时 {c}/{h}h',
  qcDone: { SELF: '自检✓', MUTUAL: '互检✓', FINAL: '终检✓' },
  promised: '承诺 {t}',
  noPromise: '未承诺时间',
  unassigned: '未派工',
  noBay: '未分配工位',
  deliveries: '今日承诺 {due} · 已完工 {done}',
  cards: '{n}辆',
  more: '另有 {n} 辆',
  online: '实时',
  connecting: '连接中…',
  offline: '{t} 起离线',
  view: { stages: '按阶段', bays: '按工位' },
  setup: { title: '看板配对', hint: '请输入服务经理生成的看板令牌', submit: '配对', revoked: '看板令牌无效或已被撤销，请重新配对', label: '看板令牌' },
  lang: 'English',
};

const en: typeof zh = {
  title: 'Workshop board',
  stage: { RECEPTION: 'Reception', QUEUED: 'Queued', IN_PROGRESS: 'In progress', ON_HOLD: 'On hold', QUALITY_CHECK: 'Quality check', WASHING: 'Washing', READY: 'Ready' },
  status: { DRAFT: 'Checking in', AWAITING_APPROVAL: 'Awaiting approval' },
  flag: {
    WAITING_PARTS: 'Waiting parts',
    WAITING_APPROVAL: 'Waiting approval',
    REWORK: 'Rework',
    STALE: 'No update 30 min',
    OVERDUE: 'Overdue',
    VIP: 'VIP',
    WARRANTY: 'Warranty',
    CUSTOMER_WAITING: 'Customer waiting',
    APPOINTMENT: 'Appointment',
  },
  staleMinutes: 'No update {n} min',
  minutes: '{n} min',
  hoursMinutes: '{h}h {m}m',
  standard: 'std {h}h',
  clocked: '{c}/{h}h std',
  qcDone: { SELF: 'self ✓', MUTUAL: 'peer ✓', FINAL: 'final ✓' },
  promised: 'Due {t}',
  noPromise: 'No promise',
  unassigned: 'Unassigned',
  noBay: 'No bay',
  deliveries: 'Due today {due} · done {done}',
  cards: '{n}',
  more: '+{n} more',
  online: 'Live',
  connecting: 'Connecting…',
  offline: 'Offline since {t}',
  view: { stages: 'By stage', bays: 'By bay' },
  setup: { title: 'Pair this display', hint: 'Enter the display token created by the service manager', submit: 'Pair', revoked: 'The display token is invalid or was revoked; pair again', label: 'Display token' },
  lang: '中文',
};

export function initialLocale(search = location.search, storage: Storage = localStorage): 'zh' | 'en' {
  const fromUrl = new URLSearchParams(search).get('lang');
  const chosen = fromUrl ?? storage.getItem(LOCALE_KEY);
  return chosen === 'en' ? 'en' : 'zh';
}

export function rememberLocale(locale: string, storage: Storage = localStorage) {
  storage.setItem(LOCALE_KEY, locale);
}

export const i18n = createI18n({ legacy: false, locale: initialLocale(), fallbackLocale: 'zh', messages: { zh, en } });
export const messages = { zh, en };
