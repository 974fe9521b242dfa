import { describe, expect, it } from 'vitest';
import { positionalWindows, textWindows, WINDOW_BYTES, WINDOW_MARGIN } from '../../src/content/windows.js';

async function* inPieces(text: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < text.length; at += size) yield text.subarray(at, at + size);
}

describe('textWindows', () => {
  // Short lines; one minified line of ASCII; one line of ASCII with 2- and 4-byte characters (a
  // 4-byte one is two UTF-16 columns) here and there.
  it.each([
    ['short lines', `${'é'.repeat(10)}${'a'.repeat(990)}\n`],
    ['one ASCII line', 'a'.repeat(997)],
    ['one mixed line', `${'b'.repeat(600)}é${'c'.repeat(300)}😀`],
  ])('owns every byte exactly once and knows the line and column where each window starts: %s', async (_shape, line) => {
    const text = Buffer.from(line.repeat(Math.ceil((2.5 * WINDOW_BYTES) / Buffer.byteLength(line))));
    const windows = [];
    for await (const window of textWindows(inPieces(text, 1_000_003))) windows.push(window);
    expect(windows).toHaveLength(3);
    let owned = 0;
    let start = 0;
    for (const { content, window } of windows) {
      const ownedHere = Math.min(window.ownUntil, content.length) - window.ownFrom;
      expect(content.subarray(window.ownFrom, window.ownFrom + ownedHere).equals(text.subarray(owned, owned + ownedHere))).toBe(true);
      const before = text.subarray(0, start).toString('utf8');
      expect(window.line).toBe(before.split('\n').length - 1);
      expect(window.column).toBe(before.length - before.lastIndexOf('\n') - 1);
      owned += ownedHere;
      start = owned - WINDOW_MARGIN;
    }
    expect(owned).toBe(text.length);
  });
});

describe('positionalWindows', () => {
  /** The text's windows both ways: streamed in pieces, and read by position. */
  async function bothWays(text: Buffer) {
    const streamed = [];
    for await (const window of textWindows(inPieces(text, 1_000_003))) streamed.push(window);
    const positional = [...positionalWindows(text.length, (position, length) => Buffer.from(text.subarray(position, position + length)))];
    return { streamed, positional };
  }

  it('makes the windows textWindows makes, at every size around the window edges', async () => {
    const line = `${'é'.repeat(7)}${'b'.repeat(300)}\n`;
    const long = Buffer.from(line.repeat(Math.ceil((3.2 * WINDOW_BYTES) / Buffer.byteLength(line))));
    const full = WINDOW_BYTES + WINDOW_MARGIN;
    const sizes = [0, 1, WINDOW_BYTES, full - 1, full, full + 1, 2 * WINDOW_BYTES, 2 * WINDOW_BYTES + 2 * WINDOW_MARGIN, long.length];
    for (const size of sizes) {
      const { streamed, positional } = await bothWays(long.subarray(0, size));
      expect(positional.length, `size ${size}`).toBe(streamed.length);
      positional.forEach((window, index) => {
        expect(window.window, `size ${size} window ${index}`).toEqual(streamed[index]!.window);
        expect(window.content.equals(streamed[index]!.content), `size ${size} window ${index}`).toBe(true);
      });
    }
  });

  it('ends with what was read when the file shrinks under it', () => {
    const text = Buffer.alloc(3 * WINDOW_BYTES, 0x61);
    const shrunk = text.subarray(0, WINDOW_BYTES);
    const windows = [...positionalWindows(text.length, (position, length) => Buffer.from(shrunk.subarray(position, position + length)))];
    expect(windows).toHaveLength(1);
    expect(windows[0]!.content.length).toBe(WINDOW_BYTES);
    expect(windows[0]!.window.ownUntil).toBe(Number.MAX_SAFE_INTEGER);
  });
});
