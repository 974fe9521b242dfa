import { describe, expect, it } from 'vitest';
import { assignedName, assignedNameHead, assignedNameWords } from '../../../src/detect/filters/assigned-name.js';
import type { Candidate } from '../../../src/detect/filters/filter.js';
import { randomKeys } from '../random-keys.js';
import { genericCandidate, structureCandidate } from './candidates.js';

describe('assignedNameWords', () => {
  const [value] = randomKeys('base62', 24, 1);

  it.each([
    [`password_hash = "${value}"`, ['password', 'hash']],
    [`  "integrity": "${value}",`, ['integrity']],
    [`apiKeySha256: '${value}'`, ['api', 'key', 'sha256']],
    [`API_KEY_MD5=${value}`, ['api', 'key', 'md5']],
    [`spring.datasource.password := "${value}"`, ['spring', 'datasource', 'password']],
    [`'x-api-key' => '${value}',`, ['x', 'api', 'key']],
    [`<add key="ApiKeyHash" value="${value}" />`, ['api', 'key', 'hash']],
    [`<meta name="csrf-token" content="${value}">`, ['csrf', 'token']],
    [`XMLHttpToken: ${value}`, ['xml', 'http', 'token']],
  ])('%s', (line, words) => {
    expect(assignedNameWords(genericCandidate(line, value!))).toEqual(words);
  });

  it.each([
    [`        - name: PAYMENTS_API_KEY\n          value: "${value}"`, 'PAYMENTS_API_KEY'],
    [`<key>ApiSecret</key>\n<string>${value}</string>`, 'ApiSecret'],
    [`<name>fs.s3a.secret.key</name>\n<value>${value}</value>`, 'fs.s3a.secret.key'],
    [`<string name="backend_api_token">${value}</string>`, 'backend_api_token'],
    [`{"key": "apiKey", "value": "${value}", "type": "string"}`, 'apiKey'],
    [`variable "db_password" {\n  type    = string\n  default = "${value}"\n}`, 'db_password'],
    [`private const val API_TOKEN: String = "${value}"`, 'API_TOKEN'],
    [`<auth:clientSecret xmlns:auth="urn:auth">${value}</auth:clientSecret>`, 'clientSecret'],
    [`os.environ.setdefault("SERVICE_TOKEN", "${value}")`, 'SERVICE_TOKEN'],
  ])('finds the name in a name/value structure: %s', (text, name) => {
    expect(assignedName(structureCandidate(text, value!))).toBe(name);
  });

  it.each([
    [`PAYMENTS_API_KEY\n          value: "`, 'PAYMENTS_API_KEY'],
    [`ApiSecret</key>\n<string>`, 'ApiSecret'],
    [`fs.s3a.secret.key</name>\n<value>`, 'fs.s3a.secret.key'],
    [`PaymentApiKey" value="`, 'PaymentApiKey'],
    [`backend_api_token">`, 'backend_api_token'],
    [`apiKey", "value": "`, 'apiKey'],
    [`db_password" {\n  type    = string\n  default = "`, 'db_password'],
  ])('finds the name in a structure whose match starts at the name (the lead-in checked by a lookbehind): %s', (lead, name) => {
    const text = `${lead}${value}`;
    expect(assignedName({ ...structureCandidate(text, value!), line: text.slice(text.lastIndexOf('\n') + 1) })).toBe(name);
  });

  it('reads a lead-in only at the start of the match, not at the start of a line', () => {
    const line = `PaymentApiKey" value="${value}"`;
    expect(assignedName({ ...genericCandidate(line, value!), match: value! })).toBe('value');
  });

  it("does not take a URL's user for the password's name", () => {
    expect(assignedName(genericCandidate(`DATABASE_URL=postgres://passenger:${value}@db/app`, value!))).toBe('');
  });

  it('reads the name from the line when the match holds only the secret', () => {
    const candidate: Candidate = { ...genericCandidate(`commit_sha: ${value}`, value!), match: value! };
    expect(assignedNameHead(candidate)).toBe('sha');
  });

  it('is empty when nothing names the value', () => {
    expect(assignedNameWords({ ...genericCandidate(value!, value!), match: value! })).toEqual([]);
  });
});
