import { describe, expect, it } from 'vitest';
import { sniff } from '../../src/content/sniff.js';

describe('sniff', () => {
  it('calls text with a stray NUL text, and real binaries binary', () => {
    expect(sniff(Buffer.from('const a = 1;\0\nconst b = 2;\n'))).toBe('text');
    expect(sniff(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01]))).toBe('binary');
    expect(sniff(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)))).toBe('binary');
  });

  it('recognises UTF-16 by BOM or NUL pattern, and not a BOM-like start without NULs', () => {
    expect(sniff(Buffer.from('\ufeffkey = 1\n', 'utf16le'))).toBe('utf16le');
    expect(sniff(Buffer.from('key = value\n', 'utf16le'))).toBe('utf16le');
    expect(sniff(Buffer.from('key = value\n', 'utf16le').swap16())).toBe('utf16be');
    expect(sniff(Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' key: value, on a line long enough to be judged as text\n')]))).toBe('text');
  });

  it('recognises containers by their magic numbers', () => {
    expect(sniff(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBe('zip');
    expect(sniff(Buffer.from([0x1f, 0x8b, 0x08, 0]))).toBe('gzip');
    const tarHeader = Buffer.alloc(512);
    tarHeader.write('ustar', 257);
    expect(sniff(tarHeader)).toBe('tar');
  });
});
