import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A loader per EntityManager — one per request, subscription event or job — so that the calls made
 * while one response is resolved are batched into one query. `batch` returns one value per key, in
 * the keys' order.
 */
export function requestLoader<K, V>(batch: (em: EntityManager, keys: readonly K[]) => Promise<V[]>): (em: EntityManager, key: K) => Promise<V> {
  const loaders = new WeakMap<EntityManager, DataLoader<K, V>>();
  return (em, key) => {
    let loader = loaders.get(em);
    if (!loader) loaders.set(em, (loader = new DataLoader((keys) => batch(em, keys))));
    return loader.load(key);
  };
}
