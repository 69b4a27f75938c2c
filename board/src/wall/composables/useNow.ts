import { onScopeDispose, readonly, ref } from 'vue';

/**
 * Ticking time for the page, corrected by `offset` (server time − this machine's clock: a TV's clock
 * may be wrong, and every timer and flag on the wall depends on it): `now` every second (the clock), `minute` only when the minute changes,
 * so 500 cards showing minutes re-render once a minute, not every second.
 */
export function useNow(offset: () => number = () => 0) {
  const clock = () => Date.now() + offset();
  const now = ref(clock());
  const minute = ref(Math.floor(now.value / 60_000) * 60_000);
  const timer = setInterval(() => {
    now.value = clock();
    const m = Math.floor(now.value / 60_000) * 60_000;
    if (m !== minute.value) minute.value = m;
  }, 1000);
  onScopeDispose(() => clearInterval(timer));
  return { now: readonly(now), minute: readonly(minute) };
}
