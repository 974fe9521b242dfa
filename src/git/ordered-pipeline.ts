/**
 * Runs `start` on up to `limit` items ahead of the consumer and yields the results in input order.
 * Lets a batch process (cat-file) work on the next requests while the caller is busy with the
 * current result, while `limit` bounds how many results can wait in memory.
 */
export async function* inOrder<T, R>(items: AsyncIterable<T> | Iterable<T>, limit: number, start: (item: T) => Promise<R>): AsyncGenerator<R> {
  const queued: Promise<R>[] = [];
  for await (const item of items) {
    const result = start(item);
    // If the caller stops or an earlier item fails, later rejections must not go unhandled.
    result.catch(() => {});
    queued.push(result);
    if (queued.length >= limit) yield await queued.shift()!;
  }
  for (let result = queued.shift(); result; result = queued.shift()) yield await result;
}
