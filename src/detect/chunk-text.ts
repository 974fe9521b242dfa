/**
 * A chunk's bytes read as latin1 text (one character per byte, so byte offsets are text offsets),
 * decoded in segments when something reads them instead of as one string.
 *
 * One string per chunk was the slow part of decoding: V8 allocates a string over ~128 KB in its
 * large-object space, on fresh pages from the kernel, and on the 2-core benchmark VM that ran at
 * 170-230 MB/s, against 5-18 GB/s for strings under that size (Buffer.toString('latin1') of 100 KB
 * vs 200 KB-1 MB buffers). Files of 128 KB-2 MB hold 57 % of the benchmark history's blob bytes;
 * decoding them whole was a sixth of that scan's CPU time. Segments stay in the young generation,
 * and the parts of a chunk no rule looks at are not decoded at all.
 */

/** Characters per segment: well under V8's large-object size, and larger than any regex run's input. */
export const SEGMENT_CHARS = 64 * 1024;

export class ChunkText {
  readonly length: number;
  private readonly bytes: Buffer;
  private readonly segments: Array<string | undefined> = [];

  constructor(bytes: Uint8Array) {
    this.bytes = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.length = bytes.length;
  }

  /**
   * The characters in [from, to), clipped to the text (as String.prototype.slice does for
   * non-negative bounds). Within one segment this is a view of it; a slice across segments is
   * decoded on its own (regex runs are at most a few tens of KB, so that string is small too).
   */
  slice(from: number, to: number = this.length): string {
    const start = Math.min(Math.max(from, 0), this.length);
    const end = Math.min(Math.max(to, start), this.length);
    const segment = Math.floor(start / SEGMENT_CHARS);
    const segmentStart = segment * SEGMENT_CHARS;
    if (end <= segmentStart + SEGMENT_CHARS) return this.segment(segment).slice(start - segmentStart, end - segmentStart);
    return this.bytes.toString('latin1', start, end);
  }

  /** The character code at `index`, NaN outside the text (as for a string). */
  charCodeAt(index: number): number {
    return this.bytes[index] ?? Number.NaN;
  }

  /** The character at `index`, '' outside the text. */
  charAt(index: number): string {
    const code = this.bytes[index];
    return code === undefined ? '' : String.fromCharCode(code);
  }

  startsWith(search: string, at: number): boolean {
    return this.slice(at, at + search.length) === search;
  }

  /** Segment `index` as one string, decoded on first use. */
  segment(index: number): string {
    let text = this.segments[index];
    if (text === undefined) {
      const start = index * SEGMENT_CHARS;
      text = this.bytes.toString('latin1', start, Math.min(this.length, start + SEGMENT_CHARS));
      this.segments[index] = text;
    }
    return text;
  }

  /** How many segments the text has (one for an empty text). */
  get segmentCount(): number {
    return Math.max(1, Math.ceil(this.length / SEGMENT_CHARS));
  }

  /** The bytes in [from, to) decoded as UTF-8 (for columns and secrets, which are counted in UTF-16 units). */
  utf8(from: number, to: number): string {
    return this.bytes.toString('utf8', from, to);
  }

  /** Whether [from, to) holds a byte over 0x7f (pure ASCII needs no UTF-8 decoding). */
  hasNonAscii(from: number, to: number): boolean {
    for (let index = from; index < to; index++) if (this.bytes[index]! > 0x7f) return true;
    return false;
  }
}
