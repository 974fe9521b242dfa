import { describe, expect, it } from 'vitest';
import { DOCUMENTED_EXAMPLES, isPlaceholder, placeholderFilter } from '../../../src/detect/filters/placeholder.js';
import { randomKeys, randomProviderKeys } from '../random-keys.js';
import { genericCandidate, providerCandidate } from './candidates.js';

describe('placeholder filter', () => {
  it('applies to every rule, provider keys included', () => {
    expect(placeholderFilter.appliesTo).toBe('all');
  });

  it.each([
    'sk-xxxxxxxxxxxxxxxxxxxxxxxx',
    `sk-proj-${'X'.repeat(20)}`,
    'sk-...',
    'sk-proj-abc…xyz',
    'sk-proj-abc\u00e2\u0080\u00a6xyz', // the ellipsis as UTF-8 read as latin1, as the detector decodes
    '****************',
    'sk-****',
    '\u2022\u2022\u2022\u2022\u2022\u2022',
    'YOUR_API_KEY',
    'your-key-here',
    'your_openai_api_key',
    'sk-your-key',
    'YourApiKey',
    'AKIAIOSFODNN7EXAMPLE',
    'sk-proj-EXAMPLE1234567890',
    'example-token-123',
    'changeme',
    'CHANGE_ME',
    'replace_me',
    'REPLACE-ME-WITH-A-KEY',
    'insert-your-key-here',
    'INSERTKEYHERE',
    'dummy-api-key',
    'REDACTED',
    '[redacted]',
    'placeholder',
    'sample_token_abc',
    'fake-api-key',
    'sk-fake',
    'FAKE_TOKEN',
    'TODO',
    'todo-set-me',
    'mock_api_key',
    'demo-key',
    'not-a-real-key',
  ])('drops %s', (secret) => {
    expect(isPlaceholder(providerCandidate(secret))).toBe(true);
  });

  it.each([
    ['OPENAI_API_KEY=<your-openai-key>', 'your-openai-key'],
    ['OPENAI_API_KEY=<API_KEY>', 'API_KEY'],
    ['token: <token>', '<token>'],
  ])('drops values in angle brackets: %s', (line, secret) => {
    expect(isPlaceholder(genericCandidate(line, secret))).toBe(true);
  });

  it('keeps words that random text produces: mixed case, glued to letters or digits', () => {
    const [body] = randomKeys('base62', 40, 1);
    for (const inside of ['ExAmPlE', 'xfakey', '9todo9', 'yourself', 'FAKEs', 'here1', 'xxx']) {
      expect(isPlaceholder(providerCandidate(`sk-${body}${inside}${body}`))).toBe(false);
    }
  });

  it('drops example tokens from specifications, and jwt.io\'s sample token whatever its signature', () => {
    const [signature] = randomKeys('base64url', 43, 1);
    for (const example of DOCUMENTED_EXAMPLES) {
      const token = example.startsWith('eyJ') ? `${example}.${signature}` : example;
      expect(isPlaceholder(genericCandidate(`"access_token": "${token}",`, token))).toBe(true);
    }
  });

  it('keeps a key that sits between the tags of an element', () => {
    const [key] = randomKeys('base62', 32, 1);
    expect(isPlaceholder(genericCandidate(`<apiKey>${key}</apiKey>`, key!))).toBe(false);
  });

  it('keeps random provider keys', () => {
    const dropped = randomProviderKeys(5000).filter((key) => isPlaceholder(providerCandidate(key)));
    expect(dropped).toEqual([]);
  });
});
