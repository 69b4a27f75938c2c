import { onScopeDispose, readonly, ref } from 'vue';

/**
 * Ticking time for the page: `now` every second (the clock), `minute` only when the minute changes,
 * so 500 cards showing minutes re-render once a minute, not every second.
 */
export function useNow() {
  const now = ref(Date.now());
  const minute = ref(Math.floor(now.value / 60_000) * 60_000);
  const timer = setInterval(() => {
    now.value = Date.now();
    const m = Math.floor(now.value / 60_000) * 60_000;
    if (m !== minute.value) minute.value = m;
  }, 1000);
  onScopeDispose(() => clearInterval(timer));
  return { now: readonly(now), minute: readonly(minute) };
}
