import { describe, expect, it } from 'vitest';
import { expectedRandomEntropy, shannonEntropy } from '../../src/detect/entropy.js';
import { ALPHABETS, randomKeys } from './random-keys.js';

describe('shannonEntropy', () => {
  it('is 0 for empty and one-character strings', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaaaaaa')).toBe(0);
  });

  it('is log2 of the number of equally frequent characters', () => {
    expect(shannonEntropy('abab')).toBeCloseTo(1);
    expect(shannonEntropy('abcd')).toBeCloseTo(2);
    expect(shannonEntropy(ALPHABETS.hex)).toBeCloseTo(4);
  });

  it('weights characters by frequency', () => {
    // p = 3/4 and 1/4
    expect(shannonEntropy('aaab')).toBeCloseTo(0.8113, 4);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(shannonEntropy('😀😀')).toBe(0);
  });
});

describe('expectedRandomEntropy', () => {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

  it.each([
    ['hex', 32],
    ['base62', 16],
    ['base62', 64],
    ['base64url', 40],
  ] as const)('matches the mean entropy of random %s strings of length %i', (alphabet, length) => {
    const measured = mean(randomKeys(alphabet, length, 4000).map(shannonEntropy));
    expect(expectedRandomEntropy(length, ALPHABETS[alphabet].length)).toBeCloseTo(measured, 1);
  });

  it('grows with length towards log2 of the alphabet size', () => {
    const values = [8, 16, 32, 64, 256, 4096].map((length) => expectedRandomEntropy(length, 62));
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]!);
    expect(values.at(-1)).toBeLessThan(Math.log2(62));
    expect(values.at(-1)).toBeGreaterThan(Math.log2(62) - 0.02);
  });

  it('is 0 when nothing can vary', () => {
    expect(expectedRandomEntropy(1, 62)).toBe(0);
    expect(expectedRandomEntropy(40, 1)).toBe(0);
  });
});
