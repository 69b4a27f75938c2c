import { defineStore } from 'pinia';
import { readonly, ref } from 'vue';
import type { ConnectionState } from '../../shared/realtime-client';

/** Whether the wall is live; when offline, since when (the wall keeps showing its last state). */
export const useConnectionStore = defineStore('connection', () => {
  const state = ref<ConnectionState>('connecting');
  const offlineSince = ref<Date | null>(null);

  /** Reconnect attempts pass through 'connecting'; once dropped, the wall stays 'offline' (since the first drop) until it is back. */
  function update(next: ConnectionState, at: Date) {
    if (next === 'connecting' && state.value === 'offline') return;
    if (next === 'offline' && state.value !== 'offline') offlineSince.value = at;
    if (next === 'online') offlineSince.value = null;
    state.value = next;
  }

  return { state: readonly(state), offlineSince: readonly(offlineSince), update };
});
