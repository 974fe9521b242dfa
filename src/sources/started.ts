/**
 * `items` with its first item asked for at once, so the source starts working before anyone
 * iterates it: a staged scan's two git processes start up (on the other core) while the scan
 * builds its detector, instead of after. Iterating and `return()` behave as on `items`.
 */
export function startedNow<T>(items: AsyncIterable<T>): AsyncIterableIterator<T> {
  const iterator = items[Symbol.asyncIterator]();
  let first: Promise<IteratorResult<T>> | null = iterator.next();
  // Awaited by the first next(); until then a failure must not count as unhandled.
  first.catch(() => {});
  return {
    next(): Promise<IteratorResult<T>> {
      const result = first ?? iterator.next();
      first = null;
      return result;
    },
    async return(): Promise<IteratorResult<T>> {
      first = null;
      return (await iterator.return?.()) ?? { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
