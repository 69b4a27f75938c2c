import { onScopeDispose, readonly, ref } from 'vue';

/** Whether a CSS media query matches, live (false where the environment has no matchMedia). */
export function useMediaQuery(query: string) {
  const matches = ref(false);
  if (typeof matchMedia === 'undefined') return readonly(matches);
  const list = matchMedia(query);
  matches.value = list.matches;
  const onChange = (e: MediaQueryListEvent) => (matches.value = e.matches);
  list.addEventListener('change', onChange);
  onScopeDispose(() => list.removeEventListener('change', onChange));
  return readonly(matches);
}
