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

/** Characters per segment: segments start this far apart. */
export const SEGMENT_CHARS = 64 * 1024;
/**
 * Characters a segment's string holds past its own part, so that any slice of up to this length
 * that starts in the segment is a view of its string. Longer than the detector's longest regex
 * run (MAX_RUN_INPUT, ~37 KB; test/detect/chunk-text.test.ts checks), and SEGMENT_CHARS +
 * SEGMENT_OVERLAP stays under V8's large-object size.
 */
export const SEGMENT_OVERLAP = 40 * 1024;
/**
 * Segment strings kept: the detector reads a chunk rule by rule, each in ascending order, so the
 * one being read and the one before suffice. Keeping all of a 2 MB window's segments cost more
 * than decoding them again: they outlived the worker's young generation and were copied twice by
 * the garbage collector (perf: a third of the time on the benchmark's minified bundles).
 */
const SEGMENTS_KEPT = 2;

/**
 * Over this many characters a chunk is decoded whole after all: Node makes a string of over ~1 MB
 * an external string (its bytes in memory V8 does not manage), which is not slow to make, and
 * segments read once per rule cost more on such chunks (2 MB windows of minified bundles: rules'
 * windows cover all of them, so every rule decoded every segment again; 1.5x the CPU of one
 * external string on the benchmark tree's 23 files over 2 MB).
 */
const WHOLE_OVER = 1024 * 1024;

export class ChunkText {
  readonly length: number;
  private readonly bytes: Buffer;
  /** The whole text, for chunks over WHOLE_OVER. */
  private readonly whole: string | null;
  /** The decoded segments kept, most recent first, with their indexes. */
  private readonly kept: Array<{ index: number; text: string }> = [];

  constructor(bytes: Uint8Array) {
    this.bytes = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.length = bytes.length;
    this.whole = bytes.length > WHOLE_OVER ? this.bytes.toString('latin1') : null;
  }

  /**
   * The characters in [from, to), clipped to the text (as String.prototype.slice does for
   * non-negative bounds). Up to SEGMENT_OVERLAP characters this is a view of a segment's string;
   * a longer slice (rare: a line's start in an .env file) is decoded on its own.
   */
  slice(from: number, to: number = this.length): string {
    const start = Math.min(Math.max(from, 0), this.length);
    const end = Math.min(Math.max(to, start), this.length);
    if (this.whole !== null) return this.whole.slice(start, end);
    if (end - start > SEGMENT_OVERLAP) return this.bytes.toString('latin1', start, end);
    const index = Math.floor(start / SEGMENT_CHARS);
    const segmentStart = index * SEGMENT_CHARS;
    return this.segment(index).slice(start - segmentStart, end - segmentStart);
  }

  /** The bytes of [from, to), as a view (for native searches). */
  bytesIn(from: number, to: number): Buffer {
    return this.bytes.subarray(from, to);
  }

  /** How many SEGMENT_CHARS parts the text has (one for an empty text). */
  get segmentCount(): number {
    return Math.max(1, Math.ceil(this.length / SEGMENT_CHARS));
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

  /** Segment `index` (its own part and SEGMENT_OVERLAP after it) as one string. */
  private segment(index: number): string {
    const kept = this.kept.find((segment) => segment.index === index);
    if (kept) return kept.text;
    const start = index * SEGMENT_CHARS;
    const text = this.bytes.toString('latin1', start, Math.min(this.length, start + SEGMENT_CHARS + SEGMENT_OVERLAP));
    this.kept.unshift({ index, text });
    if (this.kept.length > SEGMENTS_KEPT) this.kept.pop();
    return text;
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
