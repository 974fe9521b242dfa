import { describe, expect, it } from 'vitest';
import { isPlainValue, plainValueFilter } from '../../../src/detect/filters/plain-value.js';
import { randomKeys } from '../random-keys.js';
import { genericCandidate } from './candidates.js';

describe('plain-value filter', () => {
  it('applies to generic rules only', () => {
    expect(plainValueFilter.appliesTo).toBe('generic');
  });

  it.each([
    ['SECRET=1234567890123456', '1234567890123456'],
    ['token: ********************', '********************'],
    ['api_key = "ThisIsNotARealKey"', 'ThisIsNotARealKey'],
    ['POSTGRES_PASSWORD=postgres', 'postgres'],
    ['{ token: "@brackets.directive" },', '@brackets.directive'],
    // Unquoted, long camelCase is a name in code.
    ['RawSecretAccessKey: XksProxyAuthenticationRawSecretAccessKeyType;', 'XksProxyAuthenticationRawSecretAccessKeyType'],
  ])('drops %s', (line, secret) => {
    expect(isPlainValue(genericCandidate(line, secret))).toBe(true);
  });

  it('keeps values that mix letters with digits or symbols', () => {
    const keys = [...randomKeys('base62', 20, 200), ...randomKeys('hex', 32, 50)].filter((key) => /[0-9]/.test(key) && /[A-Za-z]/.test(key));
    const passwords = ['Kq!vRzpLm@x', 'abc$defGhi'];
    const dropped = [...keys, ...passwords].filter((value) => isPlainValue(genericCandidate(`password = "${value}"`, value)));
    expect(dropped).toEqual([]);
  });

  it('keeps quoted literals of 24+ letters in mixed case, as random keys without a digit are', () => {
    const letters = randomKeys('base62', 40, 300).map((key) => key.replace(/[0-9]/g, '')).filter((key) => key.length >= 24);
    for (const line of [(key: string) => `api_key = "${key}"`, (key: string) => `<ApiKey>${key}</ApiKey>`, (key: string) => `redis://app:${key}@cache`]) {
      expect(letters.filter((key) => isPlainValue(genericCandidate(line(key), key)))).toEqual([]);
    }
  });
});
