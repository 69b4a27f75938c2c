import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import { createI18n } from 'vue-i18n';
import { messages } from '../i18n';
import { useBoardStore } from '../stores/board.store';
import { card, snapshot, upsert } from '../test-cards';

vi.mock('../composables/useBoardFeed', () => ({ useBoardFeed: () => ({ start: async () => {}, stop: () => {} }) }));

describe('the wall at 500 cards', () => {
  it('an event re-renders only the card it concerns', async () => {
    const { default: WallView } = await import('./WallView.vue');
    const pinia = createPinia();
    setActivePinia(pinia);
    const statuses = ['QUEUED', 'IN_PROGRESS', 'ON_HOLD', 'QUALITY_CHECK', 'WASHING', 'READY'] as const;
    const cards = Array.from({ length: 500 }, (_, i) => card(String(i + 1), { status: statuses[i % statuses.length] }));
    useBoardStore().loadSnapshot(snapshot(cards));
    const w = mount(WallView, { props: { token: 't' }, global: { plugins: [pinia, createI18n({ legacy: false, locale: 'zh', messages })] } });
    await flushPromises();
    expect(w.findAll('article.card')).toHaveLength(500);

    const log: string[] = [];
    (globalThis as { __workbayRenderLog?: string[] }).__workbayRenderLog = log;
    // A change within its column: that card alone re-renders.
    useBoardStore().applyEvent(upsert(card('42', { status: 'READY', version: 2, flags: ['REWORK'] }), 'c1'));
    await flushPromises();
    expect(log).toEqual(['42']);
    expect(w.find('[data-work-order="42"] .flag-REWORK').exists()).toBe(true);

    // A move to another column: the card is re-created there; no other card re-renders.
    log.length = 0;
    useBoardStore().applyEvent(upsert(card('42', { status: 'QUEUED', version: 3 }), 'c2'));
    await flushPromises();
    expect(log).toEqual([]);
    expect(w.find('[data-stage="QUEUED"] [data-work-order="42"]').exists()).toBe(true);
    expect(w.find('[data-stage="READY"] [data-work-order="42"]').exists()).toBe(false);
    delete (globalThis as { __workbayRenderLog?: string[] }).__workbayRenderLog;
    w.unmount();
  });
});
