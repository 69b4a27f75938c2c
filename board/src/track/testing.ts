// Test helpers for the customer page (imported by *.test.ts only; never by main.ts).
import { mount } from '@vue/test-utils';
import type { Component } from 'vue';
import { createTrackI18n } from './i18n';
import type { Locale, Progress, ProgressStep } from './types';
import type { ProgressDeps, RealtimeLike } from './useProgress';
import type { LiveSubscription, RealtimeOptions } from '../shared/realtime-client';

/** Today at hh:mm on this machine's clock, as the API sends it. */
export function todayAt(hours: number, minutes: number): string {
  const d = new Date();
  d.setHours(hours, minutes, 0, 0);
  return d.toISOString();
}

export function steps(...states: ProgressStep['state'][]): ProgressStep[] {
  const keys = ['RECEIVED', 'ESTIMATE', 'REPAIR', 'QUALITY_CHECK', 'WASH', 'READY'] as const;
  const labels = ['接车', '诊断报价', '维修中', '质检', '洗车', '待交车'];
  return keys.map((key, i) => {
    const state = states[i] ?? 'PENDING';
    return { key, label: labels[i], state, at: state === 'DONE' || state === 'CURRENT' ? todayAt(8 + i, 5) : null, detail: null };
  });
}

export function sampleProgress(overrides: Partial<Progress> = {}): Progress {
  return {
    number: 'WO202611220007',
    status: 'IN_PROGRESS',
    steps: steps('DONE', 'DONE', 'CURRENT', 'PENDING', 'PENDING', 'PENDING'),
    vehicle: { model: '大众 帕萨特', color: '星光白', plateMasked: '京A·***68' },
    promisedAt: todayAt(17, 0),
    estimatedCompletionAt: todayAt(16, 30),
    delay: null,
    advisor: { name: '王晓明', phone: '010-6588 1234' },
    updatedAt: todayAt(10, 15),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, // this machine's, like todayAt
    pendingEstimate: null,
    progressPercent: null,
    progressNote: null,
    progressAt: null,
    survey: null,
    ...overrides,
  };
}

export function mountWithI18n<C extends Component>(component: C, props: Record<string, unknown>, locale: Locale = 'zh') {
  return mount(component as Component, { props, global: { plugins: [createTrackI18n(locale)] } });
}

/** A fake realtime client and HTTP request for useProgress / createTrackApp. */
export function fakeBackend(answer: (headers: Record<string, string>) => Progress | null | Error = () => sampleProgress()) {
  const sockets: { opts: RealtimeOptions; subs: LiveSubscription<Progress | null>[]; started: boolean; stopped: boolean }[] = [];
  const requests: { query: string; variables: Record<string, unknown>; headers: Record<string, string> }[] = [];
  const deps: ProgressDeps = {
    wsUrl: () => 'ws://test/graphql',
    request: (async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
      requests.push({ query, variables, headers });
      const a = answer(headers);
      if (a instanceof Error) throw a;
      return { data: { trackWorkOrder: a } };
    }) as ProgressDeps['request'],
    createRealtime: (opts) => {
      const socket = { opts, subs: [] as LiveSubscription<Progress | null>[], started: false, stopped: false };
      sockets.push(socket);
      const rt: RealtimeLike = {
        start: () => void (socket.started = true),
        stop: () => void (socket.stopped = true),
        subscribe: (sub) => {
          socket.subs.push(sub as LiveSubscription<Progress | null>);
          return () => {};
        },
      };
      return rt;
    },
  };
  return {
    deps,
    requests,
    sockets,
    /** The socket currently in use. */
    get live() {
      return sockets.at(-1)!;
    },
    push(data: Progress | null) {
      for (const sub of sockets.at(-1)!.subs) sub.next(data);
    },
    state(state: Parameters<RealtimeOptions['onState']>[0]) {
      sockets.at(-1)!.opts.onState(state, new Date());
    },
  };
}

/** An estimate waiting for the customer: an alternative group, labour, a deferrable line. */
export function sampleEstimate(overrides: Partial<NonNullable<Progress['pendingEstimate']>> = {}): NonNullable<Progress['pendingEstimate']> {
  return {
    id: 'RXN0aW1hdGU6MQ',
    version: 2,
    supplemental: false,
    reason: null,
    taxBasisPoints: 0,
    totals: { totalFen: 244000, customerFen: 244000 },
    lines: [
      { id: 'L1', kind: 'PART', description: '正时链条张紧器（原厂）', quantity: 1, amountFen: 68000, payer: 'CUSTOMER', alternativeGroup: 'tensioner', tradeOff: null, deferrable: false, risk: null },
      { id: 'L2', kind: 'PART', description: '正时链条张紧器（品牌件）', quantity: 1, amountFen: 39000, payer: 'CUSTOMER', alternativeGroup: 'tensioner', tradeOff: '质保 6 个月', deferrable: false, risk: null },
      { id: 'L3', kind: 'LABOUR', description: '更换正时链条套件', quantity: null, amountFen: 144000, payer: 'CUSTOMER', alternativeGroup: null, tradeOff: null, deferrable: false, risk: null },
      { id: 'L4', kind: 'LABOUR', description: '更换前刹车片', quantity: null, amountFen: 32000, payer: 'CUSTOMER', alternativeGroup: null, tradeOff: null, deferrable: true, risk: '刹车片剩 3 mm' },
    ],
    ...overrides,
  };
}
