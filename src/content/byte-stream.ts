/**
 * Content that arrives in pieces (a big file, standard input, a FIFO, an archive entry, a blob
 * git streams): read once, front to back, never held whole. The content stage peeks at its start
 * to decide what it is, then reads the rest.
 */
export class ByteStream implements AsyncIterable<Buffer> {
  private readonly iterator: AsyncIterator<Buffer>;
  private readonly peeked: Buffer[] = [];
  private finished = false;
  /** Bytes handed out so far, including the peeked ones once they are read. */
  bytesRead = 0;

  /**
   * `discard` lets go of what was not read: a file stream is closed, an archive entry is drained
   * (its container needs the bytes consumed to reach the next entry).
   */
  constructor(
    source: AsyncIterable<Buffer | Uint8Array | string>,
    private readonly onDiscard: (iterator: AsyncIterator<Buffer>) => Promise<void> = closeIterator,
  ) {
    this.iterator = toBuffers(source)[Symbol.asyncIterator]();
  }

  /** The first `length` bytes (fewer when the content is shorter), left in place to be read again. */
  async head(length: number): Promise<Buffer> {
    let have = this.peeked.reduce((sum, part) => sum + part.length, 0);
    while (have < length && !this.finished) {
      const next = await this.iterator.next();
      if (next.done) this.finished = true;
      else if (next.value.length > 0) {
        this.peeked.push(next.value);
        have += next.value.length;
      }
    }
    const joined = Buffer.concat(this.peeked);
    this.peeked.splice(0, this.peeked.length, joined);
    return joined.subarray(0, length);
  }

  /** True once head() has seen the whole content (it was no longer than asked). */
  get ended(): boolean {
    return this.finished;
  }

  /**
   * A reader that stops before the end (a `break`, a `return`, an error in the loop over it) lets
   * go of the rest as discard() does: the git process streaming a blob is stopped, a file closed,
   * an archive entry drained. Left open, git would wait on a full pipe for the rest of the scan.
   */
  async *[Symbol.asyncIterator](): AsyncIterator<Buffer> {
    try {
      while (this.peeked.length > 0) {
        const part = this.peeked.shift()!;
        this.bytesRead += part.length;
        yield part;
      }
      while (!this.finished) {
        const next = await this.iterator.next();
        if (next.done) {
          this.finished = true;
          return;
        }
        this.bytesRead += next.value.length;
        yield next.value;
      }
    } finally {
      if (!this.finished) await this.discard().catch(() => {});
    }
  }

  /** Reads what is left into one buffer, or null as soon as it would pass `limit` bytes. */
  async collect(limit: number): Promise<Buffer | null> {
    const parts: Buffer[] = [];
    let total = 0;
    for await (const part of this) {
      total += part.length;
      if (total > limit) return null;
      parts.push(part);
    }
    return Buffer.concat(parts);
  }

  /** Lets go of the unread rest. */
  async discard(): Promise<void> {
    this.peeked.length = 0;
    if (this.finished) return;
    this.finished = true;
    await this.onDiscard(this.iterator);
  }
}

async function* toBuffers(source: AsyncIterable<Buffer | Uint8Array | string>): AsyncGenerator<Buffer> {
  for await (const part of source) {
    yield typeof part === 'string' ? Buffer.from(part) : Buffer.isBuffer(part) ? part : Buffer.from(part.buffer, part.byteOffset, part.byteLength);
  }
}

async function closeIterator(iterator: AsyncIterator<Buffer>): Promise<void> {
  await iterator.return?.();
}

/** Reads the rest to its end without keeping it (for containers that must reach their next entry). */
export async function drainIterator(iterator: AsyncIterator<Buffer>): Promise<void> {
  for (let next = await iterator.next(); !next.done; next = await iterator.next());
}
