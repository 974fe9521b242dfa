import { describe, expect, it } from 'vitest';
import { ChunkText, SEGMENT_CHARS, SEGMENT_OVERLAP } from '../../src/detect/chunk-text.js';
import { MAX_RUN_INPUT } from '../../src/detect/detector.js';
import { seededRandom } from './random-keys.js';

describe('ChunkText', () => {
  const random = seededRandom(11);
  const bytes = Buffer.from(Array.from({ length: 3 * SEGMENT_CHARS + 1234 }, () => Math.floor(random() * 256)));
  const whole = bytes.toString('latin1');

  it('reads like the latin1 string of its bytes: slices anywhere, of any length, in any order', () => {
    const text = new ChunkText(bytes);
    expect(text.length).toBe(whole.length);
    const edges = [0, 1, 2, 3].flatMap((edge) => [edge * SEGMENT_CHARS - 1, edge * SEGMENT_CHARS, edge * SEGMENT_CHARS + 1]);
    const lengths = [0, 1, 100, SEGMENT_OVERLAP - 1, SEGMENT_OVERLAP, SEGMENT_OVERLAP + 1, SEGMENT_CHARS + 5, whole.length];
    const starts = [...edges, ...Array.from({ length: 60 }, () => Math.floor(random() * whole.length))];
    for (const start of starts) {
      for (const length of lengths) expect(text.slice(start, start + length) === whole.slice(Math.max(start, 0), Math.max(start + length, 0)), `${start}+${length}`).toBe(true);
    }
    expect(text.slice(0) === whole).toBe(true);
    expect(text.slice(-5, 3)).toBe(whole.slice(0, 3));
    expect(text.charCodeAt(whole.length - 1)).toBe(whole.charCodeAt(whole.length - 1));
    expect(text.charCodeAt(whole.length)).toBeNaN();
    expect(text.charAt(-1)).toBe('');
    expect(text.startsWith(whole.slice(SEGMENT_CHARS - 3, SEGMENT_CHARS + 3), SEGMENT_CHARS - 3)).toBe(true);
  });

  it('serves every regex run of the detector from one segment, and keeps segments out of V8 large-object space', () => {
    expect(MAX_RUN_INPUT).toBeLessThanOrEqual(SEGMENT_OVERLAP);
    // V8's largest regular heap object is 128 KB; one-byte strings hold one byte per character.
    expect(SEGMENT_CHARS + SEGMENT_OVERLAP).toBeLessThan(128 * 1024 - 64);
  });

  it('counts UTF-16 units of UTF-8 and finds non-ASCII bytes', () => {
    const text = new ChunkText(Buffer.from('ab é 😀 x', 'utf8'));
    expect(text.hasNonAscii(0, 3)).toBe(false);
    expect(text.hasNonAscii(0, 5)).toBe(true);
    expect(text.utf8(0, text.length)).toBe('ab é 😀 x');
  });
});
