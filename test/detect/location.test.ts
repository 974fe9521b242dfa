import { describe, expect, it } from 'vitest';
import { LineIndex, SEGMENT_BYTES } from '../../src/detect/location.js';
import { seededRandom } from './random-keys.js';

const latin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
const indexOf = (text: string) => new LineIndex(Buffer.from(text, 'latin1'), text);

/** Line starts the way a `\r\n?|\n` split sees them, line 0's included. */
function referenceStarts(text: string): number[] {
  return [0, ...[...text.matchAll(/\r\n?|\n/g)].map((lineBreak) => lineBreak.index + lineBreak[0].length)];
}

/** Checks every lookup of `lines` at `offsets` against the reference line starts of `text`. */
function expectLinesLike(text: string, lines: LineIndex, offsets: readonly number[]): void {
  const starts = referenceStarts(text);
  const lineOf = (offset: number) => starts.filter((start) => start <= offset).length - 1;
  const startOf = (line: number) => (line <= 0 ? 0 : line < starts.length ? starts[line]! : text.length);
  for (const offset of offsets) {
    const line = lineOf(offset);
    const at = `@${offset}`;
    expect(lines.lineIndexOf(offset), at).toBe(line);
    expect(lines.lineStart(offset), at).toBe(startOf(line));
    expect(lines.nextLineStart(offset), at).toBe(startOf(line + 1));
    expect(lines.linesBackStart(offset, 1, offset - 100), at).toBe(Math.max(startOf(line - 1), offset - 100));
    expect(lines.linesForwardStart(offset, 4, offset + 100), at).toBe(Math.min(startOf(line + 4), offset + 100));
  }
}

describe('LineIndex', () => {
  it('gives right lines for CR-only line endings (classic Mac), CRLF and LF', () => {
    for (const lineBreak of ['\r', '\r\n', '\n']) {
      const text = ['one', 'two', 'x = SECRET'].join(lineBreak);
      const lines = indexOf(text);
      expect(lines.position(text.indexOf('SECRET')), JSON.stringify(lineBreak)).toEqual({ line: 3, column: 5 });
      expect(lines.lineText(text.indexOf('SECRET'))).toBe('x = SECRET');
    }
  });

  it('counts mixed line breaks the way a \\r\\n?|\\n split does (\\r\\r\\n is two breaks)', () => {
    const text = 'a\r\r\nb\n\rc\r\n\nd\re';
    const lines = indexOf(text);
    const expected = text.split(/\r\n?|\n/);
    expect(expected).toEqual(['a', '', 'b', '', 'c', '', 'd', 'e']);
    expected.forEach((line, index) => {
      if (line === '') return;
      expect(lines.position(text.indexOf(line)), line).toEqual({ line: index + 1, column: 1 });
      expect(lines.lineText(text.indexOf(line)), line).toBe(line);
    });
  });

  it('does not count a UTF-8 byte order mark as a column, and counts columns in UTF-16 units', () => {
    const text = latin1('\ufeffx = SECRET\ny = 1');
    expect(indexOf(text).position(text.indexOf('SECRET'))).toEqual({ line: 1, column: 5 });
    const wide = latin1('é😀 = SECRET');
    expect(indexOf(wide).position(wide.indexOf('SECRET'))).toEqual({ line: 1, column: 7 });
  });

  it('finds the line of any offset, in any order of lookups, on texts of many lines', () => {
    const random = seededRandom(3);
    for (const lineBreak of ['\n', '\r\n', '\r']) {
      const lengths = Array.from({ length: 3000 }, () => Math.floor(random() * 12));
      const text = lengths.map((length) => 'x'.repeat(length)).join(lineBreak);
      // Ascending runs (how windows look lines up), then jumps back and forth.
      const offsets = [...Array.from({ length: 400 }, (_, i) => i * 7), ...Array.from({ length: 400 }, () => Math.floor(random() * text.length)), text.length];
      expectLinesLike(text, indexOf(text), offsets);
    }
  });

  it('indexes a text of several segments, with line breaks on and across their edges', () => {
    const random = seededRandom(7);
    const characters: string[] = Array.from({ length: 3 * SEGMENT_BYTES + 500 }, () => (random() < 0.03 ? '\n' : 'x'));
    const put = (at: number, text: string) => characters.splice(at, text.length, ...text);
    put(SEGMENT_BYTES - 1, '\r\n'); // CRLF split by the first edge: one break
    put(2 * SEGMENT_BYTES - 1, '\r'); // lone CR as a segment's last character
    put(2 * SEGMENT_BYTES, 'y');
    put(3 * SEGMENT_BYTES - 1, '\n'); // LF as a segment's last character
    // A line longer than a segment (a minified bundle) in the middle.
    for (let at = SEGMENT_BYTES + 100; at < 2 * SEGMENT_BYTES + 200; at++) if (characters[at] === '\n') characters[at] = 'x';
    const text = characters.join('');
    const edges = [1, 2, 3].flatMap((edge) => [edge * SEGMENT_BYTES - 2, edge * SEGMENT_BYTES - 1, edge * SEGMENT_BYTES, edge * SEGMENT_BYTES + 1]);
    const offsets = [...edges, ...Array.from({ length: 300 }, () => Math.floor(random() * text.length)), text.length];
    expectLinesLike(text, indexOf(text), offsets);
    // Line numbers asked in descending order index the segments before as they are needed.
    expectLinesLike(text, indexOf(text), [...offsets].sort((a, b) => b - a));
  });

  it('keeps lineText to the line and to the radius around the offset', () => {
    const line = 'a'.repeat(3000) + 'SECRET' + 'b'.repeat(3000);
    const text = `first\r\n${line}\r\nlast`;
    const lines = indexOf(text);
    const at = text.indexOf('SECRET');
    expect(lines.lineText(at)).toBe(text.slice(at - 512, at + 512));
    expect(lines.lineText(text.indexOf('first'))).toBe('first');
    expect(lines.lineText(text.indexOf('last'))).toBe('last');
  });
});
