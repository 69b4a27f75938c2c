import type { Client } from 'graphql-ws';

export const BOARD_EVENTS = `subscription($storeId: ID, $after: String) { boardEvents(storeId: $storeId, after: $after) {
  cursor kind workOrderId card { workOrder { id number status holdReason version } flags } } }`;

export interface Collector<T> {
  items: T[];
  errors: unknown[];
  completed: boolean;
  /** Resolves when `predicate` holds for the collected items, or rejects after `ms`. */
  until(predicate: (items: T[]) => boolean, ms?: number): Promise<T[]>;
  stop(): void;
}

/** Subscribes and collects every payload. */
export function collect<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}, field = 'boardEvents'): Collector<T> {
  const items: T[] = [];
  const errors: unknown[] = [];
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  const state: Collector<T> = {
    items,
    errors,
    completed: false,
    until(predicate, ms = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (predicate(items)) {
            cleanup();
            resolve(items);
          } else if (state.completed || errors.length) {
            cleanup();
            reject(new Error(`subscription ended: ${JSON.stringify({ errors, items })}`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out after ${ms} ms with ${JSON.stringify(items)}`));
        }, ms);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    stop: () => unsubscribe(),
  };
  const unsubscribe = client.subscribe<Record<string, T>>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) errors.push(...value.errors);
        else items.push(value.data![field]);
        notify();
      },
      error: (e) => {
        errors.push(e);
        notify();
      },
      complete: () => {
        state.completed = true;
        notify();
      },
    },
  );
  return state;
}
