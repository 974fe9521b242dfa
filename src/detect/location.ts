/**
 * Turns offsets in a latin1-decoded chunk (one char per byte) into 1-based line and column
 * numbers. Columns count UTF-16 code units of the line decoded as UTF-8, so they are right for
 * non-ASCII text and match what editors and SARIF viewers expect.
 */
export class LineIndex {
  private starts: number[] | null = null;

  constructor(private readonly text: string) {}

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
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
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  position(offset: number): { line: number; column: number } {
    const index = this.lineIndexOf(offset);
    const lineStart = this.lineStarts()[index]!;
    const before = this.text.slice(lineStart, offset);
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
    const start = Math.max(this.text.lastIndexOf('\n', offset - 1) + 1, offset - radius);
    let end = this.text.indexOf('\n', offset);
    if (end === -1) end = this.text.length;
    end = Math.min(end, offset + radius);
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }
}
