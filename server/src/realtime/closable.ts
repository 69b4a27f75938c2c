/**
 * Wraps an async generator so that `return()` (a client unsubscribing) runs `onClose` at once.
 * A plain generator suspended in an `await` would only notice the return at its next `yield`.
 */
export function closable<T>(inner: AsyncGenerator<T>, onClose: () => unknown): AsyncIterableIterator<T> {
  return {
    next: () => inner.next(),
    return: async (value?: unknown) => {
      await onClose();
      return inner.return(value as T);
    },
    throw: (e?: unknown) => inner.throw(e),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
