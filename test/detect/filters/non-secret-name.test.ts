import { describe, expect, it } from 'vitest';
import { isNonSecretName, nonSecretNameFilter } from '../../../src/detect/filters/non-secret-name.js';
import { randomKeys } from '../random-keys.js';
import { structureCandidate } from './candidates.js';

describe('non-secret-name filter', () => {
  const [token] = randomKeys('base64url', 43, 1);

  it('applies to generic rules only', () => {
    expect(nonSecretNameFilter.appliesTo).toBe('generic');
  });

  describe('drops names that go on after their secret word', () => {
    it.each([
      ['config.json', `{"token_type": "${token}"}`],
      ['config.json', `{"secretName": "${token}"}`],
      ['settings.py', `API_KEY_NAME = "${token}"`],
      ['.env', `AWS_ACCESS_KEY_ID=${token}`],
      ['.env', `SECRET_KEY_FILE=${token}`],
      ['consts.ts', `export const SECRET_HEADER = "${token}";`],
      ['forms.ts', `passwordField: "${token}"`],
      ['.env', `PASSWORD_MIN_LENGTH="${token}"`],
      ['en.json', `{"token_expired": "${token}"}`],
      ['auth.ts', `const tokenUrl = "${token}";`],
      ['k8s.yaml', `  - name: API_KEY_ID\n    value: "${token}"`],
    ])('%s: %s', (path, text) => {
      expect(isNonSecretName(structureCandidate(text, token!, path))).toBe(true);
    });
  });

  describe('drops secret words inside longer words', () => {
    it.each([
      ['api.py', `max_tokens = "${token}"`],
      ['model.py', `tokenizer = "${token}"`],
      ['book.json', `"author": "${token}"`],
      ['compass.js', `const bypass = "${token}";`],
      ['COMPASS.ini', `BYPASS = ${token}`],
      ['app.py', `secretary = "${token}"`],
      ['trip.py', `passenger = "${token}"`],
    ])('%s: %s', (path, text) => {
      expect(isNonSecretName(structureCandidate(text, token!, path))).toBe(true);
    });
  });

  describe('drops tokens that authorise nothing', () => {
    it.each([
      ['api.py', `next_page_token = "${token}"`],
      ['api.ts', `const nextPageToken = "${token}";`],
      ['sync.go', `cancellationToken := "${token}"`],
      ['llm.py', `eos_token = "${token}"`],
      ['push.kt', `val fcmToken = "${token}"`],
      ['api.py', `nexttoken = "${token}"`],
      // Request tokens that web pages carry in the open
      ['index.html', `<meta name="csrf-token" content="${token}">`],
      ['form.html', `<input type="hidden" name="authenticity_token" value="${token}">`],
      ['form.html', `<input type="hidden" name="csrfmiddlewaretoken" value="${token}">`],
      ['client.ts', `headers: { "X-XSRF-TOKEN": "${token}" },`],
      ['app.js', `const csrfToken = "${token}";`],
      ['app.js', `_csrf: "${token}",`],
      ['page.html', `<script nonce="${token}">`],
      ['server.ts', `const cspNonce = "${token}";`],
    ])('%s: %s', (path, text) => {
      expect(isNonSecretName(structureCandidate(text, token!, path))).toBe(true);
    });
  });

  describe('keeps names of secrets', () => {
    it.each([
      ['config.js', `const apiKey = "${token}";`],
      ['.env', `API_KEY_PROD_2=${token}`],
      ['.env', `JWT_SECRET_BASE64="${token}"`],
      ['config.py', `SECRET_KEY_BASE = "${token}"`],
      ['config.py', `secretkey = "${token}"`],
      ['app.rb', `config.api_secret = "${token}"`],
      ['app.ts', `const userPass = "${token}";`],
      ['app.ts', `const OAuthToken = "${token}";`],
      ['app.ts', `const authToken = "${token}";`],
      ['app.ts', `const adminToken = "${token}";`],
      ['.npmrc', `_auth=${token}`],
      ['.env', `DB_PASS=${token}`],
      ['.env', `DB_PASSWORD_2=${token}`],
      ['core-site.xml', `<name>fs.s3a.secret.key</name>\n<value>${token}</value>`],
      ['k8s.yaml', `  - name: PAYMENTS_API_KEY\n    value: "${token}"`],
      // The server-side key that signs CSRF tokens is a secret.
      ['settings.py', `CSRF_SECRET = "${token}"`],
      ['config.py', `CSRF_SECRET_KEY = "${token}"`],
      ['config.py', `nonce_signing_key = "${token}"`],
    ])('%s: %s', (path, text) => {
      expect(isNonSecretName(structureCandidate(text, token!, path))).toBe(false);
    });

    it('has no opinion on values without a named secret word: a bearer token, a URL password', () => {
      expect(isNonSecretName(structureCandidate(`Authorization: Bearer ${token}`, token!, 'http.log'))).toBe(false);
      expect(isNonSecretName(structureCandidate(`amqp://passenger:${token}@broker`, token!, '.env'))).toBe(false);
    });
  });
});

