import { describe, expect, it } from 'vitest';
import { hashValueFilter, isLabelledHash } from '../../../src/detect/filters/hash-value.js';
import { randomKeys } from '../random-keys.js';

describe('hash-value filter', () => {
  const [base64] = randomKeys('base64', 86, 1);
  const [hex] = randomKeys('hex', 64, 1);
  const [crypt] = randomKeys('base62', 53, 1);

  it('applies to generic rules only', () => {
    expect(hashValueFilter.appliesTo).toBe('generic');
  });

  it.each([
    ['an npm integrity hash', `sha512-${base64}==`],
    ['a Subresource Integrity hash', `sha384-${base64}`],
    ['an OCI image digest', `sha256:${hex}`],
    ['an md5 label', `md5:${hex!.slice(0, 32)}`],
    ['a bcrypt hash', `$2b$12$${crypt}`],
    ['a yescrypt hash', `$y$j9T$${crypt}`],
    ['a SHA-512 crypt hash', `$6$rounds=5000$${crypt}`],
    ['an argon2 hash', `$argon2id$v=19$m=65536,t=3,p=4$${crypt}`],
    ['a Django password hash', `pbkdf2_sha256$600000$${crypt}`],
    ['an LDAP password hash', `{SSHA}${crypt}`],
  ])('drops %s', (_, value) => {
    expect(isLabelledHash(value)).toBe(true);
  });

  it('drops a digest whose label was left out of the capture', () => {
    expect(isLabelledHash(`${base64}==`, '"integrity": "sha512-')).toBe(true);
  });

  it.each([
    ['a hex key', hex!],
    ['a base64 key', base64!],
    ['a key that mentions sha in its body', `key-sha${hex}`],
  ])('keeps %s', (_, value) => {
    expect(isLabelledHash(value, 'api_key = "')).toBe(false);
  });
});
