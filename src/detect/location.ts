/**
 * Turns offsets in a latin1-decoded chunk (one char per byte) into 1-based line and column
 * numbers. Columns count UTF-16 code units of the line decoded as UTF-8, so they are right for
 * non-ASCII text and match what editors and SARIF viewers expect. Lines end at LF, CRLF or a lone
 * CR (classic Mac files), and a UTF-8 byte order mark is not a column.
 */
const UTF8_BOM = '\xef\xbb\xbf';

export class LineIndex {
  /** Offsets where lines start; made on first use. */
  private starts: number[] | null = null;
  /** The line the last lookup found: the detector looks up ascending offsets, mostly on the same or the next line. */
  private lastLine = 0;

  constructor(private readonly text: string) {}

  /**
   * Found with indexOf (a native scan) rather than a `\r\n?|\n` regex loop, which cost a tenth
   * of a tree scan's detection time (node --cpu-prof); text without CR, nearly all, takes one pass.
   * Kept in a plain array on V8's heap: a doubling Int32Array pushed faster (0.2-0.3 s less CPU on
   * the benchmark tree) but its buffers live outside the heap, where V8 reclaims them only after
   * 64 MB more have piled up per thread: +30-40 MB peak RSS on the benchmark history.
   */
  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const { text } = this;
    const starts = [0];
    if (text.indexOf('\r') === -1) {
      for (let found = text.indexOf('\n'); found !== -1; found = text.indexOf('\n', found + 1)) starts.push(found + 1);
    } else {
      for (let index = 0; index < text.length; index++) {
        const code = text.charCodeAt(index);
        if (code === 10) starts.push(index + 1);
        else if (code === 13) {
          if (text.charCodeAt(index + 1) === 10) index++;
          starts.push(index + 1);
        }
      }
    }
    this.starts = starts;
    return starts;
  }

  /** Offset where 0-based line `index` starts; the text's length past the last line. */
  lineStart(index: number): number {
    const starts = this.lineStarts();
    if (index <= 0) return 0;
    return index < starts.length ? starts[index]! : this.text.length;
  }

  /** 0-based index of the line holding `offset`. */
  lineIndexOf(offset: number): number {
    const starts = this.lineStarts();
    const last = starts.length - 1;
    const hint = this.lastLine;
    if (starts[hint]! <= offset && (hint === last || offset < starts[hint + 1]!)) return hint;
    let low = 0;
    let high = last;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    this.lastLine = low;
    return low;
  }

  position(offset: number): { line: number; column: number } {
    const index = this.lineIndexOf(offset);
    const bom = index === 0 && offset >= UTF8_BOM.length && this.text.startsWith(UTF8_BOM) ? UTF8_BOM.length : 0;
    const before = this.text.slice(this.lineStarts()[index]! + bom, offset);
    // Pure-ASCII prefixes (nearly all) need no decoding.
    const column = /[^\x00-\x7f]/.test(before) ? Buffer.from(before, 'latin1').toString('utf8').length : before.length;
    return { line: index + 1, column: column + 1 };
  }

  /**
   * The line holding `offset`, without its line break. On very long lines (minified bundles) only
   * `radius` characters either side are kept: filters look at the neighbourhood, and copying a
   * megabyte line per candidate would make such files quadratic.
   */
  lineText(offset: number, radius = 512): string {
    const index = this.lineIndexOf(offset);
    const start = Math.max(this.lineStart(index), offset - radius);
    let end = this.lineStart(index + 1);
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, Math.min(end, offset + radius));
  }
}
