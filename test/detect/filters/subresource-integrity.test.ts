import { describe, expect, it } from 'vitest';
import { isSubresourceIntegrity, subresourceIntegrityFilter } from '../../../src/detect/filters/subresource-integrity.js';
import { randomKeys } from '../random-keys.js';
import { genericCandidate } from './candidates.js';

describe('subresource-integrity filter', () => {
  const [digest] = randomKeys('base64', 64, 1);

  it('applies to every rule, as the sha384- form is specific', () => {
    expect(subresourceIntegrityFilter.appliesTo).toBe('all');
  });

  it.each(['sha256', 'sha384', 'sha512'])('drops a %s- value captured whole', (algorithm) => {
    const value = `${algorithm}-${digest}`;
    expect(isSubresourceIntegrity(genericCandidate(`<script src="a.js" integrity="${value}"></script>`, value, 'index.html'))).toBe(true);
  });

  it('drops the digest captured after its prefix', () => {
    const line = `<link rel="stylesheet" href="a.css" integrity="sha384-${digest}" crossorigin="anonymous">`;
    expect(isSubresourceIntegrity(genericCandidate(line, digest!, 'index.html'))).toBe(true);
  });

  it.each([
    ['a key after another prefix', `token = "sha1-${digest}"`, digest!],
    ['a plain key', `api_key = "${digest}"`, digest!],
  ])('keeps %s', (_, line, secret) => {
    expect(isSubresourceIntegrity(genericCandidate(line, secret))).toBe(false);
  });
});
