import { describe, expect, it } from 'vitest';
import { sniff } from '../../src/content/sniff.js';
import { tar } from '../helpers/archives.js';

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
    expect(sniff(tar([{ name: 'app/.env', data: 'A=1\n' }]))).toBe('tar');
  });

  it('does not take text with "ustar" at offset 257 for a tar (the header checksum must match)', () => {
    // A source file that handles tar headers, as in the tar-stream package: a tar look-alike, not a tar.
    const source = `${'// tar header fields\n'.repeat(12)}`.padEnd(257, ' ');
    expect(sniff(Buffer.from(`${source}ustar\x20'), 'binary')\nvar GNU_VER = 1\n`.padEnd(600, ' ')))).toBe('text');
    const forged = tar([{ name: 'a.txt', data: 'x' }]);
    forged[0] = forged[0]! ^ 1;
    expect(sniff(forged)).not.toBe('tar');
  });
});
