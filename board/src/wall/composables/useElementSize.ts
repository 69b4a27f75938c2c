import { onScopeDispose, readonly, ref, type Ref, watch } from 'vue';

/** Live content size of an element (0 until measured, and where the environment cannot measure). */
export function useElementSize(target: Ref<HTMLElement | null>) {
  const width = ref(0);
  const height = ref(0);
  if (typeof ResizeObserver === 'undefined') return { width: readonly(width), height: readonly(height) };
  const observer = new ResizeObserver(([entry]) => {
    width.value = entry.contentRect.width;
    height.value = entry.contentRect.height;
  });
  watch(target, (el, old) => {
    if (old) observer.unobserve(old);
    if (el) observer.observe(el);
  }, { immediate: true });
  onScopeDispose(() => observer.disconnect());
  return { width: readonly(width), height: readonly(height) };
}
