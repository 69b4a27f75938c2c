import { describe, expect, it } from 'vitest';
import { readonly, ref, shallowRef } from 'vue';
import { mountWithI18n, sampleProgress } from './testing';
import TrackApp from './TrackApp.vue';
import type { Connection, Progress } from './types';
import type { ProgressState } from './useProgress';

function state(progress: Progress | null, extra: { unavailable?: boolean; loading?: boolean; connection?: Connection; syncedAt?: Date | null } = {}): ProgressState {
  return {
    progress: readonly(shallowRef(progress)),
    loading: readonly(ref(extra.loading ?? false)),
    unavailable: readonly(ref(extra.unavailable ?? false)),
    connection: readonly(ref<Connection>(extra.connection ?? 'online')),
    syncedAt: readonly(shallowRef(extra.syncedAt ?? null)),
  } as ProgressState;
}

describe('TrackApp', () => {
  it('shows the car, the status, the estimate, the steps and the advisor', () => {
    const w = mountWithI18n(TrackApp, { state: state(sampleProgress()) });
    expect(w.find('.status').text()).toBe('正在维修');
    expect(w.find('.model').text()).toBe('大众 帕萨特 · 星光白');
    expect(w.find('.plate').text()).toBe('京A·***68');
    expect(w.find('.eta-label').text()).toBe('预计完成');
    expect(w.find('.eta-time').text()).toBe('16:30');
    expect(w.find('.promised').text()).toBe('约定交车 17:00');
    expect(w.findAll('li.step')).toHaveLength(6);
    expect(w.find('a.call').attributes('href')).toBe('tel:010-65881234');
    expect(w.find('.live').attributes('data-connection')).toBe('online');
    expect(w.find('.live').text()).toBe('实时更新');
  });

  it('shows the delay notice only when there is a delay', () => {
    expect(mountWithI18n(TrackApp, { state: state(sampleProgress()) }).find('.delay').exists()).toBe(false);
    const w = mountWithI18n(TrackApp, { state: state(sampleProgress({ status: 'ON_HOLD', delay: { reason: '等待配件', remedy: '赠送一次保养' } })) });
    expect(w.find('.delay .reason').text()).toBe('等待配件');
    expect(w.find('.delay .remedy').text()).toBe('赠送一次保养');
  });

  it('shows the last update time when offline', () => {
    const syncedAt = new Date();
    syncedAt.setHours(14, 25, 0, 0);
    const w = mountWithI18n(TrackApp, { state: state(sampleProgress(), { connection: 'offline', syncedAt }) });
    expect(w.find('.live').text().replace(/\s+/g, ' ')).toMatch(/^离线 ?· 最后更新 14:25$/);
  });

  it('thanks the customer once the car is handed over', () => {
    const w = mountWithI18n(TrackApp, { state: state(sampleProgress({ status: 'DELIVERED', steps: sampleProgress().steps.map((s) => ({ ...s, state: 'DONE' as const })) })) });
    expect(w.find('.status').text()).toBe('已交车');
    expect(w.find('.note').text()).toBe('感谢您的信任，祝您用车愉快！');
    expect(w.find('.eta').exists()).toBe(false);
  });

  it('shows a cancelled order neutrally, without the tracker or an estimate', () => {
    const w = mountWithI18n(TrackApp, { state: state(sampleProgress({ status: 'CANCELLED', estimatedCompletionAt: null, delay: { reason: 'x', remedy: null } })) });
    expect(w.find('.hero').classes()).toContain('tone-neutral');
    expect(w.find('.status').text()).toBe('工单已取消');
    expect(w.find('.steps').exists()).toBe(false);
    expect(w.find('.eta').exists()).toBe(false);
    expect(w.find('.delay').exists()).toBe(false);
    expect(w.find('a.call').exists()).toBe(true);
  });

  it('shows a loading state before the first answer', () => {
    const w = mountWithI18n(TrackApp, { state: state(null, { loading: true, connection: 'connecting' }) });
    expect(w.find('.loading').text()).toContain('正在加载进度');
  });

  it('reveals nothing on an unknown or expired link', () => {
    const w = mountWithI18n(TrackApp, { state: state(null, { unavailable: true }) });
    expect(w.find('.unavailable h2').text()).toBe('链接已失效或不存在');
    const text = w.text();
    for (const leak of ['WO', '工单号', '京A', '帕萨特', '王晓明', '预计完成', '实时', '离线']) expect(text).not.toContain(leak);
    expect(w.find('a').exists()).toBe(false);
    expect(w.find('.live').exists()).toBe(false);
    expect(w.findAll('li')).toHaveLength(0);
  });

  it('asks to switch the language', async () => {
    const w = mountWithI18n(TrackApp, { state: state(sampleProgress()) });
    const button = w.find('button.lang');
    expect(button.text()).toBe('EN');
    await button.trigger('click');
    expect(w.emitted('switch-locale')).toHaveLength(1);
  });
});
