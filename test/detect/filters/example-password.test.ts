import { describe, expect, it } from 'vitest';
import { examplePasswordFilter, isExamplePassword } from '../../../src/detect/filters/example-password.js';
import { randomString, seededRandom } from '../random-keys.js';

describe('example-password filter', () => {
  it('applies to generic rules only', () => {
    expect(examplePasswordFilter.appliesTo).toBe('generic');
  });

  it.each(['Test1234!', 'Admin@123', 'Welcome1', 'P@ssw0rd!', 'Passw0rd123', 'This-is-my-test-99!', 'SomeKindOfPassword123!@#', 'changeit99$'])(
    'drops %s',
    (value) => {
      expect(isExamplePassword(value)).toBe(true);
    },
  );

  it.each([
    ['a case mix, as random runs are', 'XKJUxxbce3gAw_'],
    ['letters after the digits', 'Yx5yE2yBxHDe'],
    ['symbols inside', 'Kq7!vR2@pLm9'],
  ])('keeps %s: %s', (_, value) => {
    expect(isExamplePassword(value)).toBe(false);
  });

  it('judges a long lower-case run in one pass (a Braintree token read as leetspeak once took seconds)', () => {
    expect(isExamplePassword(`access_token$production$${'unyuttzoqtydituj'.repeat(4)}$f7e31a5de7275d5a7d66503d6263d167`)).toBe(false);
  });

  it('keeps generated passwords', () => {
    const random = seededRandom(12);
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*-_';
    const passwords = Array.from({ length: 5000 }, () => randomString(random, alphabet, 14));
    expect(passwords.filter(isExamplePassword)).toEqual([]);
  });
});
