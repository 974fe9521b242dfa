import { describe, expect, it } from 'vitest';
import { hasDigestName, hashNameFilter } from '../../../src/detect/filters/hash-name.js';
import { randomKeys } from '../random-keys.js';
import { genericCandidate } from './candidates.js';

describe('hash-name filter', () => {
  const [hex] = randomKeys('hex', 64, 1);

  it('applies to generic rules only', () => {
    expect(hashNameFilter.appliesTo).toBe('generic');
  });

  it.each([
    ['package.json', `      "integrity": "sha512-${hex}",`],
    ['hashes.txt', `sha256 = "${hex}"`],
    ['config.py', `API_KEY_HASH = "${hex}"`],
    ['config.py', `password_hash = "${hex}"`],
    ['models.rb', `  api_token_digest: "${hex}"`],
    ['app.ts', `  apiKeyChecksum: "${hex}",`],
    ['release.json', `  "commit_sha": "${hex}",`],
    ['release.json', `  "commitHash": "${hex}",`],
    ['build.sh', `TOKEN_MD5=${hex}`],
    ['build.sh', `SECRET_SHA256SUM=${hex}`],
    ['cache.yaml', `etag: "${hex}"`],
    ['ssh.yaml', `host_key_fingerprint: ${hex}`],
    ['web.config', `<add key="ApiKeyHash" value="${hex}" />`],
  ])('%s: drops %s', (path, line) => {
    expect(hasDigestName(genericCandidate(line, hex!, path))).toBe(true);
  });

  it.each([
    // The last word names what the value is: a key, not a hash.
    ['config.py', `HASH_KEY = "${hex}"`],
    ['config.py', `sha_secret = "${hex}"`],
    ['config.py', `HMAC_SECRET = "${hex}"`],
    ['config.py', `API_KEY = "${hex}"`],
    ['app.ts', `  hashingSecret: "${hex}",`],
    ['README.md', hex!],
  ])('%s: keeps %s', (path, line) => {
    expect(hasDigestName(genericCandidate(line, hex!, path))).toBe(false);
  });
});
