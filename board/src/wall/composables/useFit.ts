import { onScopeDispose, readonly, ref, type Ref, watch } from 'vue';
import { fitCount } from '../wall-layout';

/**
 * How many of the `total` cards are whole inside `list` (all of them until measured), from its
 * children (the leading cards, laid out relative to the list), re-measured when the list or any child
 * changes size or the children change: cards grow when a flag is added. `reserve` px stay free for
 * the "另有 N 辆" note when some cannot be shown.
 */
export function useFit(list: Ref<HTMLElement | null>, total: () => number, reserve = 0) {
  const fit = ref(Number.POSITIVE_INFINITY);
  /** The bottom of the first child: what the list needs to show one whole card. */
  const first = ref(0);
  if (typeof ResizeObserver === 'undefined') return { fit: readonly(fit), first: readonly(first) };

  const measure = () => {
    const el = list.value;
    if (!el) return;
    const items = [...el.children] as HTMLElement[];
    const bottoms = items.map((c) => c.offsetTop + c.offsetHeight);
    fit.value = fitCount(bottoms, el.clientHeight, reserve, total());
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
  return { fit: readonly(fit), first: readonly(first) };
}
