import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/detect/location.js';
import { seededRandom } from './random-keys.js';

const latin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

describe('LineIndex', () => {
  it('gives right lines for CR-only line endings (classic Mac), CRLF and LF', () => {
    for (const lineBreak of ['\r', '\r\n', '\n']) {
      const text = ['one', 'two', 'x = SECRET'].join(lineBreak);
      const lines = new LineIndex(text);
      expect(lines.position(text.indexOf('SECRET')), JSON.stringify(lineBreak)).toEqual({ line: 3, column: 5 });
      expect(lines.lineText(text.indexOf('SECRET'))).toBe('x = SECRET');
    }
  });

  it('counts mixed line breaks the way a \\r\\n?|\\n split does (\\r\\r\\n is two breaks)', () => {
    const text = 'a\r\r\nb\n\rc\r\n\nd\re';
    const lines = new LineIndex(text);
    const expected = text.split(/\r\n?|\n/);
    expect(expected).toEqual(['a', '', 'b', '', 'c', '', 'd', 'e']);
    expected.forEach((line, index) => {
      if (line === '') return;
      expect(lines.position(text.indexOf(line)), line).toEqual({ line: index + 1, column: 1 });
      expect(lines.lineText(text.indexOf(line)), line).toBe(line);
    });
  });

  it('does not count a UTF-8 byte order mark as a column', () => {
    const text = latin1('\ufeffx = SECRET\ny = 1');
    expect(new LineIndex(text).position(text.indexOf('SECRET'))).toEqual({ line: 1, column: 5 });
  });

  it('finds the line of any offset, in any order of lookups, on texts of many lines', () => {
    const random = seededRandom(3);
    for (const lineBreak of ['\n', '\r\n', '\r']) {
      const lengths = Array.from({ length: 3000 }, () => Math.floor(random() * 12));
      const text = lengths.map((length) => 'x'.repeat(length)).join(lineBreak);
      const lines = new LineIndex(text);
      const starts = [...text.matchAll(/\r\n?|\n/g)].map((lineBreak) => lineBreak.index + lineBreak[0].length);
      const lineOf = (offset: number) => starts.filter((start) => start <= offset).length;
      // Ascending runs (how windows look lines up), then jumps back and forth.
      const offsets = [...Array.from({ length: 400 }, (_, i) => i * 7), ...Array.from({ length: 400 }, () => Math.floor(random() * text.length))];
      for (const offset of offsets) expect(lines.lineIndexOf(offset), `${JSON.stringify(lineBreak)} @${offset}`).toBe(lineOf(offset));
      expect(lines.lineStart(lengths.length)).toBe(text.length);
    }
  });
});
