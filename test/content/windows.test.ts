import { describe, expect, it } from 'vitest';
import { textWindows, WINDOW_BYTES, WINDOW_MARGIN } from '../../src/content/windows.js';

async function* inPieces(text: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < text.length; at += size) yield text.subarray(at, at + size);
}

describe('textWindows', () => {
  it('owns every byte exactly once and knows the line and column where each window starts', async () => {
    const line = `${'é'.repeat(10)}${'a'.repeat(990)}\n`;
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
