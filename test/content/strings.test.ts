/** Printable strings from binary bytes: ASCII and UTF-16LE runs, one per line, however the bytes arrive. */
import { describe, expect, it } from 'vitest';
import { printableStrings } from '../../src/content/strings.js';

async function strings(pieces: Buffer[]): Promise<string> {
  const out: Buffer[] = [];
  for await (const part of printableStrings((async function* () { yield* pieces; })())) out.push(part);
  return Buffer.concat(out).toString('latin1');
}

const utf16 = (text: string): Buffer => Buffer.from(text, 'utf16le');
const binary = (...parts: (string | Buffer | number[])[]): Buffer =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.isBuffer(part) ? part : Buffer.from(part))));

describe('printableStrings', () => {
  it('keeps ASCII and UTF-16LE runs of six characters or more, one per line', async () => {
    const bytes = binary([0x00, 0x01], 'short', [0xff], 'api_key=value1', [0x00, 0x02], utf16('WideToken42'), [0x03, 0x00, 0x04]);
    expect(await strings([bytes])).toBe('api_key=value1\nWideToken42\n');
  });

  it('finds the same runs when the bytes arrive one at a time', async () => {
    const bytes = binary([0x07], 'first string', [0x00, 0x00, 0x90], utf16('second-one'), [0x01], 'tail-run');
    const whole = await strings([bytes]);
    expect(whole).toBe('first string\nsecond-one\ntail-run\n');
    expect(await strings([...bytes].map((byte) => Buffer.from([byte])))).toBe(whole);
  });

  it('cuts an endless run into lines of 64 KB', async () => {
    const out = await strings([Buffer.alloc(64 * 1024 * 2 + 10, 'a')]);
    expect(out.split('\n').map((line) => line.length)).toEqual([65536, 65536, 10, 0]);
  });
});
