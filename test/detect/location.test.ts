import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/detect/location.js';

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
});
