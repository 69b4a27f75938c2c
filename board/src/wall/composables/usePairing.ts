import { readonly, ref } from 'vue';

const KEY = 'workbay.displayToken';

/**
 * The display's credential: entered once on the setup screen or passed as `?token=` (stored, then
 * removed from the address bar so it does not linger in history or screenshots).
 */
export function usePairing(storage: Storage = localStorage, loc: Location = location, hist: History = history) {
  const url = new URL(loc.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(KEY, fromUrl.trim());
    url.searchParams.delete('token');
    hist.replaceState(hist.state, '', url.pathname + url.search + url.hash);
  }
  const token = ref<string | null>(storage.getItem(KEY));

  return {
    token: readonly(token),
    pair(value: string) {
      const clean = value.trim();
      if (!clean) return;
      storage.setItem(KEY, clean);
      token.value = clean;
    },
    unpair() {
      storage.removeItem(KEY);
      token.value = null;
    },
  };
}
