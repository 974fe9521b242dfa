import { describe, expect, it } from 'vitest';
import { printable } from '../../src/report/printable.js';

describe('printable', () => {
  it('leaves ordinary text, including non-ASCII, alone', () => {
    expect(printable('src/café/ключ.ts')).toBe('src/café/ключ.ts');
  });

  it('makes escape sequences, line breaks and bidi overrides visible', () => {
    expect(printable('a\u001b[31mb')).toBe('a\\u001b[31mb');
    expect(printable('one\ntwo\r')).toBe('one\\u000atwo\\u000d');
    expect(printable('x\u202ey\u2066z\u009b')).toBe('x\\u202ey\\u2066z\\u009b');
  });
});
