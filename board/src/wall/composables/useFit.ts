import { computed, onScopeDispose, readonly, ref, type Ref, watch } from 'vue';
import { fitCount } from '../wall-layout';

/**
 * Which of `items` a list shows whole. `rendered`: the items to lay out in `list` (its children, laid
 * out relative to it), which are those that fit and one row (`perRow`) more, unseen, so that the list
 * can tell when more fit: a column of 500 cars lays out a screenful, not 500 cards. `fit`: how many of
 * them are whole (all until measured); `hidden`: how many are not shown; `first`: the bottom of the
 * first, what the list needs to show one. Measured again when the list or any child changes size (a
 * card grows when a flag is added) or the children change. `reserve` px stay free for the
 * "另有 N 辆" note while some cannot be shown.
 */
export function useFit<T>(list: Ref<HTMLElement | null>, items: () => readonly T[], perRow: () => number, reserve = 0) {
  const fit = ref(Number.POSITIVE_INFINITY);
  const first = ref(0);
  const rendered = computed(() => items().slice(0, fit.value + perRow()));
  const hidden = computed(() => Math.max(0, items().length - fit.value));
  const result = { rendered, hidden, fit: readonly(fit), first: readonly(first) };
  if (typeof ResizeObserver === 'undefined') return result;

  const measure = () => {
    const el = list.value;
    if (!el) return;
    const bottoms = ([...el.children] as HTMLElement[]).map((c) => c.offsetTop + c.offsetHeight);
    fit.value = fitCount(bottoms, el.clientHeight, reserve, items().length);
    first.value = bottoms[0] ?? 0;
  };
  const sizes = new ResizeObserver(measure);
  const children = new MutationObserver(() => observe(list.value));
  function observe(el: HTMLElement | null) {
    sizes.disconnect();
    if (!el) return;
    sizes.observe(el);
    for (const c of el.children) sizes.observe(c);
  }
  watch(list, (el) => {
    children.disconnect();
    observe(el);
    if (el) children.observe(el, { childList: true });
  }, { immediate: true });
  onScopeDispose(() => {
    sizes.disconnect();
    children.disconnect();
  });
  return result;
}
