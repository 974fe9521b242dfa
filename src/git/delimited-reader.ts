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
   * The next record if the buffer holds it whole, without waiting; null when it does not (then
   * `read`). A caller parsing thousands of short lines (a patch) awaits once per chunk from git,
   * not once per line.
   */
  buffered(delimiter: number): Buffer | null {
    const end = this.buffer.indexOf(delimiter, this.offset);
    return end === -1 ? null : this.take(end);
  }

  /**
   * Skips to the next record that starts with `prefix` (the current record included), or to the
   * end: the records in between are never split out, so skipping a long run of them (a new
   * file's patch) costs one search per chunk. Only a few bytes are kept from one chunk to the
   * next, however long a skipped record is.
   */
  async skipTo(delimiter: number, prefix: Buffer): Promise<void> {
    const needle = Buffer.concat([Buffer.of(delimiter), prefix]);
    // Searched from the delimiter before the current record, so that it can match too.
    let from = this.offset - 1;
    if (from < 0 || this.buffer[from] !== delimiter) {
      this.buffer = Buffer.concat([Buffer.of(delimiter), this.buffer.subarray(this.offset)]);
      from = 0;
    }
    for (; ; from = 0) {
      const at = this.buffer.indexOf(needle, from);
      if (at !== -1) {
        this.offset = at + 1;
        return;
      }
      const next = this.ended ? { done: true as const } : await this.source.next();
      if (next.done) {
        this.ended = true;
        this.buffer = Buffer.alloc(0);
        this.offset = 0;
        return;
      }
      // The needle may straddle the two chunks: keep what could be its beginning.
      const kept = this.buffer.subarray(Math.max(from, this.buffer.length - needle.length + 1));
      this.buffer = kept.length > 0 ? Buffer.concat([kept, next.value]) : next.value;
      this.offset = 0;
    }
  }

  private take(end: number): Buffer {
    const record = this.buffer.subarray(this.offset, end);
    this.offset = end + 1;
    return record;
  }
}
