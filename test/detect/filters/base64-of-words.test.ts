import { describe, expect, it } from 'vitest';
import { base64OfWordsFilter, isBase64OfWords } from '../../../src/detect/filters/base64-of-words.js';
import { randomKeys } from '../random-keys.js';

const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('base64-of-words filter', () => {
  it('applies to generic rules only', () => {
    expect(base64OfWordsFilter.appliesTo).toBe('generic');
  });

  it.each(['password', 'changeme', 'admin', 'supersecret', 'my-secret-token', 'your_api_key_here', 'user:password', 'admin:changeme', 'password\n'])(
    'drops base64 of %j',
    (text) => {
      expect(isBase64OfWords(base64(text))).toBe(true);
    },
  );

  it('keeps base64 of a real-looking key, as a Kubernetes Secret holds it', () => {
    const keys = randomKeys('base62', 40, 500).map((key) => base64(`sk-proj-${key}`));
    expect(keys.filter(isBase64OfWords)).toEqual([]);
  });

  it('keeps Basic auth with a random password', () => {
    const [password] = randomKeys('base62', 24, 1);
    expect(isBase64OfWords(base64(`deploy:${password}`))).toBe(false);
  });

  it('keeps random base64 keys, which decode to binary', () => {
    expect(randomKeys('base64', 44, 2000).filter(isBase64OfWords)).toEqual([]);
    expect(randomKeys('base64', 12, 2000).filter(isBase64OfWords)).toEqual([]);
  });

  it('keeps values that are not base64', () => {
    expect(isBase64OfWords('cGFzc3dvcmQ')).toBe(false);
    expect(isBase64OfWords('pass word!!!')).toBe(false);
  });
});
