/**
 * Reads a byte stream as records ended by a delimiter byte, pulling from the stream only when the
 * buffered data holds no complete record, so a slow consumer slows git down instead of filling
 * memory. The delimiter can change between reads: `git diff --raw -z -p` switches from
 * NUL-separated raw records to newline-separated patch lines.
 */
export class DelimitedReader {
  private readonly source: AsyncIterator<Buffer>;
  private buffer: Buffer = Buffer.alloc(0);
  private offset = 0;
  private ended = false;

  constructor(stream: AsyncIterable<Buffer>) {
    this.source = stream[Symbol.asyncIterator]();
  }

  /** The next record without its delimiter; the unterminated rest at the end; null when done. */
  async read(delimiter: number): Promise<Buffer | null> {
    const end = this.buffer.indexOf(delimiter, this.offset);
    if (end !== -1) return this.take(end);

    // Keep the unfinished record as separate parts and join once: a long line arriving in many
    // small chunks must not be copied again for every chunk.
    const parts: Buffer[] = [this.buffer.subarray(this.offset)];
    while (!this.ended) {
      const next = await this.source.next();
      if (next.done) {
        this.ended = true;
        break;
      }
      const chunk = next.value;
      const at = chunk.indexOf(delimiter);
      if (at === -1) {
        parts.push(chunk);
        continue;
      }
      parts.push(chunk.subarray(0, at));
      this.buffer = chunk;
      this.offset = at + 1;
      return Buffer.concat(parts);
    }
    this.buffer = Buffer.alloc(0);
    this.offset = 0;
    const rest = Buffer.concat(parts);
    return rest.length > 0 ? rest : null;
  }

  /**
   * The remaining records, every complete record already buffered in one batch: a caller parsing
   * thousands of short lines (a patch) then awaits once per chunk from git, not once per line.
   */
  async *batches(delimiter: number): AsyncGenerator<Buffer[]> {
    for (;;) {
      const batch: Buffer[] = [];
      for (let end = this.buffer.indexOf(delimiter, this.offset); end !== -1; end = this.buffer.indexOf(delimiter, this.offset)) {
        batch.push(this.take(end));
      }
      if (batch.length > 0) yield batch;
      // The next record spans chunks (or the stream ended): read() joins its parts.
      const next = await this.read(delimiter);
      if (next === null) return;
      yield [next];
    }
  }

  private take(end: number): Buffer {
    const record = this.buffer.subarray(this.offset, end);
    this.offset = end + 1;
    return record;
  }
}
