import { describe, expect, it } from 'vitest';
import { assignedNameHead, assignedNameWords } from '../../../src/detect/filters/assigned-name.js';
import type { Candidate } from '../../../src/detect/filters/filter.js';
import { randomKeys } from '../random-keys.js';
import { genericCandidate } from './candidates.js';

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

  it('reads the name from the line when the match holds only the secret', () => {
    const candidate: Candidate = { ...genericCandidate(`commit_sha: ${value}`, value!), match: value! };
    expect(assignedNameHead(candidate)).toBe('sha');
  });

  it('is empty when nothing names the value', () => {
    expect(assignedNameWords({ ...genericCandidate(value!, value!), match: value! })).toEqual([]);
  });
});
