import { describe, expect, it } from 'vitest';
import { isRequestTokenName, requestTokenNameFilter } from '../../../src/detect/filters/request-token-name.js';
import { randomKeys } from '../random-keys.js';
import { genericCandidate } from './candidates.js';

describe('request-token-name filter', () => {
  const [token] = randomKeys('base64url', 43, 1);

  it('applies to generic rules only', () => {
    expect(requestTokenNameFilter.appliesTo).toBe('generic');
  });

  it.each([
    ['index.html', `<meta name="csrf-token" content="${token}">`],
    ['form.html', `<input type="hidden" name="authenticity_token" value="${token}">`],
    ['form.html', `<input type="hidden" name="csrfmiddlewaretoken" value="${token}">`],
    ['client.ts', `headers: { "X-XSRF-TOKEN": "${token}" },`],
    ['app.js', `const csrfToken = "${token}";`],
    ['app.js', `_csrf: "${token}",`],
    ['page.html', `<script nonce="${token}">`],
    ['server.ts', `const cspNonce = "${token}";`],
  ])('%s: drops %s', (path, line) => {
    expect(isRequestTokenName(genericCandidate(line, token!, path))).toBe(true);
  });

  it.each([
    // The server-side key that signs CSRF tokens is a secret.
    ['settings.py', `CSRF_SECRET = "${token}"`],
    ['config.py', `CSRF_SECRET_KEY = "${token}"`],
    ['config.py', `API_TOKEN = "${token}"`],
    ['config.py', `nonce_signing_key = "${token}"`],
  ])('%s: keeps %s', (path, line) => {
    expect(isRequestTokenName(genericCandidate(line, token!, path))).toBe(false);
  });
});
