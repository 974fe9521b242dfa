import { describe, expect, it } from 'vitest';
import { isPathOrUrl, pathOrUrlFilter } from '../../../src/detect/filters/path-or-url.js';
import { randomKeys } from '../random-keys.js';

describe('path-or-url filter', () => {
  it('applies to generic rules only', () => {
    expect(pathOrUrlFilter.appliesTo).toBe('generic');
  });

  it.each([
    '/etc/ssl/private/server.key',
    './secrets/api-key.json',
    '../config/credentials.yml',
    '~/.ssh/id_rsa',
    '/srv/app/.env',
    'C:\\Users\\me\\keys\\token.txt',
    'config/secrets.json',
    'https://api.openai.com/v1/chat/completions',
    'https://oauth2.googleapis.com/token',
    'http://localhost:8080/auth/callback',
    'postgres://user:password@localhost:5432/app_db',
    'redis://cache:6379/0',
    'op://Private/OpenAI/credential',
    'https://vault.internal/v1/secret/data/openai?version=2',
    'https://example.org/keys?name=api%20key',
  ])('drops %s', (value) => {
    expect(isPathOrUrl(value)).toBe(true);
  });

  describe('keeps URLs with credentials in them', () => {
    const [secret] = randomKeys('base62', 32, 1);
    it.each([
      `https://user:${secret}@api.example.com/v1`,
      `postgres://admin:${secret}@db.internal:5432/app`,
      `https://api.example.com/v1?key=${secret}`,
      `https://hooks.example.com/services/${secret}`,
    ])('%s', (value) => {
      expect(isPathOrUrl(value)).toBe(false);
    });
  });

  it('keeps values that are neither paths nor URLs', () => {
    expect(isPathOrUrl('api-key-name')).toBe(false);
    expect(isPathOrUrl('some/words')).toBe(true); // a relative path of words, like external/cwe/cwe-798
    expect(isPathOrUrl('plain_words')).toBe(false);
  });

  it('keeps random base64 keys, which contain slashes too', () => {
    const keys = randomKeys('base64', 40, 5000).filter((key) => key.includes('/'));
    expect(keys.length).toBeGreaterThan(2000);
    expect(keys.filter(isPathOrUrl)).toEqual([]);
  });

  it('keeps random base64 keys that start with a slash', () => {
    const keys = randomKeys('base64', 40, 2000).map((key) => `/${key}`);
    expect(keys.filter(isPathOrUrl)).toEqual([]);
  });

  it('keeps padded base64 keys, whose = and + are not path characters', () => {
    const keys = randomKeys('base62', 14, 2000).map((key) => `/${key.slice(0, 7)}+${key.slice(7)}==`);
    expect(keys.filter(isPathOrUrl)).toEqual([]);
  });
});
