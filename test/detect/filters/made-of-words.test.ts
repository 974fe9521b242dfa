import { describe, expect, it } from 'vitest';
import { madeOfWordsFilter } from '../../../src/detect/filters/made-of-words.js';
import { readsAsWords } from '../../../src/detect/filters/word-shape.js';
import { randomKeys, type AlphabetName } from '../random-keys.js';
import { genericCandidate } from './candidates.js';

describe('readsAsWords', () => {
  it.each([
    'your_api_key',
    'mySecretToken',
    'SECRET_KEY_BASE',
    'OPENAI_API_KEY',
    'supersecretpassword',
    'password123',
    'hunter2',
    'this.apiKey',
    'e.apiKey',
    'self._api_key',
    'settings.API_KEY',
    'config.openai.apiKey',
    'BuildConfig.OPENAI_API_KEY',
    'var.aws_access_key',
    '$this->apiKey',
    'Config::API_KEY',
    'getAPIKey',
    'XMLHttpRequest',
    'userId',
    'API_KEY_2',
    'not-a-real-secret',
    'test-token-value',
    'letmein',
    'administrator',
    'undefined',
    'my secret key',
    'foo%40bar',
    'my%20secret%2Fkey',
    'getValueOrDefault',
    'isProtectedDayOfYearToken',
    'MySecret1',
    'IAccessibilitySignalService',
    'cssModule',
    'jsonpCallback',
    'mkdirSync',
  ])('%s reads as words', (value) => {
    expect(readsAsWords(value)).toBe(true);
  });

  it.each([
    ['digits inside a word', 'pa55word'],
    ['a long number', 'key12345678'],
    ['mostly digits', 'v1234567'],
    ['random case changes', 'aBcDeFgHiJ'],
    ['an unpronounceable run', 'xkcdqwrtzp'],
    ['a start no word has', 'wdxouMDZepnxh5'],
    ['short runs that only look like words', 'bAr3-YdvQWRG_pHw'],
    ['an escape that is not punctuation', 'K%99%PB'],
    ['symbols', 'pass+word'],
    ['no letters', '12345678'],
    ['empty', ''],
  ])('%s does not: %s', (_, value) => {
    expect(readsAsWords(value)).toBe(false);
  });

  it('rejects overlong values without trying', () => {
    expect(readsAsWords('word_'.repeat(40))).toBe(false);
  });

  // Measured rates; they fall fast with length (see word-shape.ts). Short values (passwords) pass
  // more often, which the check of word starts keeps down (it was 4.5 % and 0.6 % for base62 8 and 12).
  it.each([
    ['base62', 8, 0.035],
    ['base62', 12, 0.004],
    ['base64url', 12, 0.008],
    ['base62', 16, 0.003],
    ['base62', 20, 0.001],
    ['base64url', 20, 0.002],
    ['base36', 16, 0.004],
    ['base36Upper', 16, 0.004],
    ['hex', 16, 0],
    ['base36', 32, 0],
    ['base62', 32, 0],
    ['base64url', 40, 0],
  ] as Array<[AlphabetName, number, number]>)('few random %s keys of length %i read as words (at most %f)', (alphabet, length, rate) => {
    const keys = randomKeys(alphabet, length, 20000);
    expect(keys.filter(readsAsWords).length).toBeLessThanOrEqual(rate * keys.length);
  });
});

describe('made-of-words filter', () => {
  it('applies to generic rules only', () => {
    expect(madeOfWordsFilter.appliesTo).toBe('generic');
  });

  it.each([
    ['app.js', '  apiKey: this.apiKey,', 'this.apiKey'],
    ['app.js', 'const token = getAuthToken();', 'getAuthToken'],
    ['.env', 'SECRET_KEY=mysecretkey', 'mysecretkey'],
    ['config.json', '  "apiKey": "OPENAI_API_KEY",', 'OPENAI_API_KEY'],
  ])('%s: drops %s', (path, line, secret) => {
    expect(madeOfWordsFilter.matches(genericCandidate(line, secret, path))).toBe(true);
  });
});
