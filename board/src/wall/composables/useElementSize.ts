import { onScopeDispose, readonly, ref, type Ref, watch } from 'vue';

/** Live content (or border) box size of an element (0 until measured, and where the environment cannot measure). */
export function useElementSize(target: Ref<HTMLElement | null>, box: 'content-box' | 'border-box' = 'content-box') {
  const width = ref(0);
  const height = ref(0);
  if (typeof ResizeObserver === 'undefined') return { width: readonly(width), height: readonly(height) };
  const observer = new ResizeObserver(([entry]) => {
    const size = box === 'border-box' ? entry.borderBoxSize?.[0] : entry.contentBoxSize?.[0];
    width.value = size ? size.inlineSize : entry.contentRect.width;
    height.value = size ? size.blockSize : entry.contentRect.height;
  });
  watch(target, (el, old) => {
    if (old) observer.unobserve(old);
    if (el) observer.observe(el, { box });
  }, { immediate: true });
  onScopeDispose(() => observer.disconnect());
  return { width: readonly(width), height: readonly(height) };
}
