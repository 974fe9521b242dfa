import { describe, expect, it } from 'vitest';
import { isRepeatedOrSequential, repeatedOrSequentialFilter } from '../../../src/detect/filters/repeated-or-sequential.js';
import { randomKeys, randomProviderKeys, type AlphabetName } from '../random-keys.js';

describe('repeated-or-sequential filter', () => {
  it('applies to every rule, provider keys included', () => {
    expect(repeatedOrSequentialFilter.appliesTo).toBe('all');
  });

  it.each([
    'aaaaaaaaaaaaaaaa',
    '0000000000000000000000000000',
    `sk-proj-${'a'.repeat(36)}`,
    'aaaaaaaXaaaaaaaa',
    'abababababababab',
    'abc123abc123abc123abc123',
    'passwordpassword',
    'abcdefghijklmnopqrstuvwxyz',
    'ABCDEFGHIJKLMNOP',
    'zyxwvutsrqponmlk',
    '1234567890123456',
    '0987654321098765',
    'AKIA1234567890ABCDEF',
    'sk-1234567890abcdefghijklmnopqrstuv',
    'qwertyuiopasdfghjkl',
    'aaaabbbbccccdddd',
    'abcdabcdabcdabcd',
  ])('drops %s', (value) => {
    expect(isRepeatedOrSequential(value)).toBe(true);
  });

  describe('keeps patterns that cover less than half of the value', () => {
    const [random] = randomKeys('base62', 16, 1);
    it.each([
      ['a run', 'aaaa'],
      ['a sequence', 'abcd'],
      ['two copies of a short unit', 'abab'],
    ])('%s', (_, pattern) => {
      expect(isRepeatedOrSequential(pattern + random)).toBe(false);
      expect(isRepeatedOrSequential(random + pattern)).toBe(false);
    });
  });

  it('keeps the empty string', () => {
    expect(isRepeatedOrSequential('')).toBe(false);
  });

  it.each([
    ['hex', 16],
    ['hex', 32],
    ['hex', 64],
    ['base36', 16],
    ['base36Upper', 16],
    ['base62', 16],
    ['base62', 40],
    ['base64url', 64],
  ] as Array<[AlphabetName, number]>)('keeps random %s keys of length %i', (alphabet, length) => {
    expect(randomKeys(alphabet, length, 1000).filter(isRepeatedOrSequential)).toEqual([]);
  });

  it('keeps random provider keys', () => {
    expect(randomProviderKeys(2000).filter(isRepeatedOrSequential)).toEqual([]);
  });

  it('stays fast on long values', () => {
    const long = randomKeys('base64', 100_000, 1)[0]!;
    const started = performance.now();
    expect(isRepeatedOrSequential(long)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
