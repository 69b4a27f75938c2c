import type { Collection, Reference } from '@mikro-orm/core';

/** The referenced entity, synchronously when it is already loaded (board cards), else through the dataloader. */
export function loaded<T extends object>(ref: Reference<T>): T | Promise<T> {
  return ref.isInitialized() ? ref.getEntity() : ref.loadOrFail();
}

export function loadedItems<T extends object>(collection: Collection<T>): T[] | Promise<T[]> {
  return collection.isInitialized(true) ? collection.getItems() : collection.load().then((c) => c.getItems());
}
