import { defineStore } from 'pinia';
import { computed, readonly, ref, shallowReactive } from 'vue';
import { type BoardEvent, type BoardSnapshot, type Card, type Deliveries, effectOf } from '../board-model';

/**
 * The wall's picture of the floor. Cards are kept as immutable objects in a shallow map: an event
 * replaces one object, so only that card's component re-renders.
 */
export const useBoardStore = defineStore('board', () => {
  const cards = shallowReactive(new Map<string, Card>());
  const cursor = ref<string | null>(null);
  const storeName = ref('');
  const timeZone = ref('Asia/Shanghai');
  /** Server time minus this machine's clock, measured at each snapshot. */
  const clockOffset = ref(0);
  const bays = ref<{ id: string; name: string }[]>([]);
  const staleAfterMinutes = ref(30);
  const deliveries = ref<Deliveries>({ dueToday: 0, doneToday: 0 });

  function loadSnapshot(board: BoardSnapshot) {
    cards.clear();
    for (const card of board.cards) cards.set(card.workOrder.id, Object.freeze(card));
    cursor.value = board.cursor;
    storeName.value = board.store.name;
    timeZone.value = board.store.timezone;
    clockOffset.value = Date.parse(board.generatedAt) - Date.now();
    bays.value = board.bays;
    staleAfterMinutes.value = board.staleAfterMinutes;
    deliveries.value = board.deliveries;
  }

  /** Applies one event from the stream; returns 'reset' when the snapshot must be reloaded. */
  function applyEvent(event: BoardEvent): 'applied' | 'ignored' | 'reset' {
    const effect = effectOf(event, event.workOrderId ? cards.get(event.workOrderId) : undefined);
    if (effect.kind === 'reset') return 'reset';
    cursor.value = event.cursor;
    if (event.deliveries) deliveries.value = event.deliveries;
    if (effect.kind === 'ignore') return 'ignored';
    if (effect.kind === 'remove') cards.delete(effect.id);
    else cards.set(effect.card.workOrder.id, Object.freeze(effect.card));
    return 'applied';
  }

  const all = computed(() => [...cards.values()]);

  return {
    cards: readonly(cards),
    all,
    cursor: readonly(cursor),
    storeName: readonly(storeName),
    timeZone: readonly(timeZone),
    clockOffset: readonly(clockOffset),
    bays: readonly(bays),
    staleAfterMinutes: readonly(staleAfterMinutes),
    deliveries: readonly(deliveries),
    loadSnapshot,
    applyEvent,
  };
});
