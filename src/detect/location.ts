/**
 * Lines of a chunk's text: where the line around an offset starts and ends, and offsets as 1-based
 * line and column numbers. Columns count UTF-16 code units of the line decoded as UTF-8, so they
 * are right for non-ASCII text and match what editors and SARIF viewers expect. Lines end at LF,
 * CRLF or a lone CR (classic Mac files), and a UTF-8 byte order mark is not a column.
 *
 * Line starts are found in the bytes, per segment of SEGMENT_BYTES, when a lookup first needs
 * that segment: the detector asks about the lines near keyword hits, so the segments no rule looks at
 * are never indexed (indexing whole chunks up front was 7 % of a history scan's CPU time). Only a
 * line number (`position`, for a finding) needs every segment before it.
 */
const UTF8_BOM = '\xef\xbb\xbf';
/** Bytes per part of the text whose line starts are found together. */
export const SEGMENT_BYTES = 64 * 1024;

export class LineIndex {
  /** Per segment: the offsets where a line starts after a line break in that segment, ascending. */
  private readonly starts: Array<number[] | undefined> = [];
  /** Per segment: how many line starts all segments before it hold; filled as line numbers are asked for. */
  private readonly startsBefore: number[] = [0];
  /** The segment starts and the index in them that the last lookup found (see lastStartAtOrBefore). */
  private hintStarts: readonly number[] | null = null;
  private hint = 0;

  private readonly segmentCount: number;

  /** `text` is `bytes` decoded as latin1 (one character per byte): offsets are the same in both. */
  constructor(
    private readonly bytes: Buffer,
    private readonly text: string,
  ) {
    this.segmentCount = Math.max(1, Math.ceil(bytes.length / SEGMENT_BYTES));
  }

  /**
   * The line starts that line breaks in segment `index` make, found in its bytes with indexOf (a
   * native scan) rather than a `\r\n?|\n` regex loop; a segment without CR, nearly all, takes one
   * pass.
   */
  private startsIn(index: number): number[] {
    const known = this.starts[index];
    if (known) return known;
    const offset = index * SEGMENT_BYTES;
    const bytes = this.bytes.subarray(offset, offset + SEGMENT_BYTES);
    const starts: number[] = [];
    if (bytes.indexOf(0x0d) === -1) {
      for (let found = bytes.indexOf(0x0a); found !== -1; found = bytes.indexOf(0x0a, found + 1)) starts.push(offset + found + 1);
    } else {
      for (let at = 0; at < bytes.length; at++) {
        const code = bytes[at];
        // CRLF is one break, counted at its LF (which may be the next segment's first character).
        if (code === 0x0a || (code === 0x0d && this.bytes[offset + at + 1] !== 0x0a)) starts.push(offset + at + 1);
      }
    }
    this.starts[index] = starts;
    return starts;
  }

  private segmentOf(offset: number): number {
    return Math.min(Math.floor(Math.max(offset, 0) / SEGMENT_BYTES), this.segmentCount - 1);
  }

  /**
   * Where the line `count` lines before the one holding `offset` starts (0: its own line), or
   * `lowest` if that is later. Segments are searched backwards only down to `lowest`, so a hit on
   * a megabyte-long minified line costs little.
   */
  linesBackStart(offset: number, count: number, lowest: number): number {
    let left = count + 1;
    for (let index = this.segmentOf(offset); index >= 0 && (index + 1) * SEGMENT_BYTES > lowest; index--) {
      const starts = this.startsIn(index);
      let at = index === this.segmentOf(offset) ? this.lastStartAtOrBefore(starts, offset) : starts.length - 1;
      for (; at >= 0; at--) {
        if (starts[at]! <= lowest) return lowest;
        if (--left === 0) return starts[at]!;
      }
    }
    return Math.max(lowest, 0);
  }

  /**
   * Where the line `count` lines after the one holding `offset` starts (the text's length after
   * the last line), or `highest` if that is sooner.
   */
  linesForwardStart(offset: number, count: number, highest: number): number {
    const limit = Math.min(highest, this.text.length);
    let left = count;
    for (let index = this.segmentOf(offset); index < this.segmentCount && index * SEGMENT_BYTES <= limit; index++) {
      const starts = this.startsIn(index);
      for (let at = index === this.segmentOf(offset) ? this.lastStartAtOrBefore(starts, offset) + 1 : 0; at < starts.length; at++) {
        if (starts[at]! >= limit) return limit;
        if (--left === 0) return starts[at]!;
      }
    }
    return limit;
  }

  /** Where the line holding `offset` starts, or `lowest` if that is later. */
  lineStart(offset: number, lowest = 0): number {
    return this.linesBackStart(offset, 0, lowest);
  }

  /** Where the line after the one holding `offset` starts, or `highest` if that is sooner. */
  nextLineStart(offset: number, highest = this.text.length): number {
    return this.linesForwardStart(offset, 1, highest);
  }

  /** 0-based index of the line holding `offset` (indexes every segment up to it). */
  lineIndexOf(offset: number): number {
    const segment = this.segmentOf(offset);
    for (let index = this.startsBefore.length - 1; index < segment; index++) this.startsBefore.push(this.startsBefore[index]! + this.startsIn(index).length);
    return this.startsBefore[segment]! + this.lastStartAtOrBefore(this.startsIn(segment), offset) + 1;
  }

  /**
   * Index of the last of a segment's `starts` at or before `offset`, -1 if none is. The detector
   * looks up ascending offsets, mostly on the line of the last lookup or the next one: those are
   * checked before a binary search.
   */
  private lastStartAtOrBefore(starts: readonly number[], offset: number): number {
    const hint = this.hint;
    if (this.hintStarts === starts && hint < starts.length) {
      for (let at = hint; at <= hint + 1 && at < starts.length; at++) {
        if (starts[at]! <= offset && (at + 1 === starts.length || starts[at + 1]! > offset)) {
          this.hint = at;
          return at;
        }
      }
    }
    const at = lastAtOrBefore(starts, offset);
    this.hintStarts = starts;
    this.hint = Math.max(at, 0);
    return at;
  }

  position(offset: number): { line: number; column: number } {
    const start = this.lineStart(offset);
    const bom = start === 0 && offset >= UTF8_BOM.length && this.text.startsWith(UTF8_BOM, 0) ? UTF8_BOM.length : 0;
    // Pure-ASCII prefixes (nearly all) need no decoding.
    const before = this.text.slice(start + bom, offset);
    const column = /[^\x00-\x7f]/.test(before) ? this.bytes.toString('utf8', start + bom, offset).length : before.length;
    return { line: this.lineIndexOf(offset) + 1, column: column + 1 };
  }

  /**
   * The line holding `offset`, without its line break. On very long lines (minified bundles) only
   * `radius` characters either side are kept: filters look at the neighbourhood, and copying a
   * megabyte line per candidate would make such files quadratic.
   */
  lineText(offset: number, radius = 512): string {
    const start = this.lineStart(offset, offset - radius);
    // A line break is at most two characters: past offset + radius + 2, the line is cut at the radius anyway.
    let end = this.nextLineStart(offset, offset + radius + 2);
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, Math.min(end, offset + radius));
  }
}

/** Index of the last of the ascending `values` that is <= `limit`, -1 if none is. */
function lastAtOrBefore(values: readonly number[], limit: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (values[middle]! <= limit) low = middle + 1;
    else high = middle - 1;
  }
  return high;
}
