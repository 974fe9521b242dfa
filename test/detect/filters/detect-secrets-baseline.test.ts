import { describe, expect, it } from 'vitest';
import { detectSecretsBaselineFilter, isDetectSecretsHash } from '../../../src/detect/filters/detect-secrets-baseline.js';
import { randomKeys } from '../random-keys.js';
import { genericCandidate } from './candidates.js';

describe('detect-secrets-baseline filter', () => {
  const [hash] = randomKeys('hex', 40, 1);

  it('applies to every rule, as the check is specific to detect-secrets baseline entries', () => {
    expect(detectSecretsBaselineFilter.appliesTo).toBe('all');
  });

  it('drops the hashed_secret of a baseline entry', () => {
    expect(isDetectSecretsHash(genericCandidate(`        "hashed_secret": "${hash}",`, hash!, '.secrets.baseline'))).toBe(true);
  });

  it.each([
    ['another name', `"secret": "${hash}"`, hash!],
    ['a value that is not a SHA-1', `"hashed_secret": "${hash!.slice(0, 32)}"`, hash!.slice(0, 32)],
    ['upper-case hex', `"hashed_secret": "${hash!.toUpperCase()}"`, hash!.toUpperCase()],
  ])('keeps %s', (_, line, secret) => {
    expect(isDetectSecretsHash(genericCandidate(line, secret, '.secrets.baseline'))).toBe(false);
  });
});
