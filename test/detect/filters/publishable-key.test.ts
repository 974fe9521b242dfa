import { describe, expect, it } from 'vitest';
import { isPublishableKey, publishableKeyFilter } from '../../../src/detect/filters/publishable-key.js';
import { randomKeys } from '../random-keys.js';
import { genericCandidate, providerCandidate } from './candidates.js';

describe('publishable-key filter', () => {
  const [body] = randomKeys('base62', 40, 1);
  const uuid = crypto.randomUUID();

  it('applies to every rule, as it only knows publishable prefixes', () => {
    expect(publishableKeyFilter.appliesTo).toBe('all');
  });

  it.each([`pk_test_${body}`, `pk_live_${body}`, `pk-lf-${uuid}`])('drops %s', (key) => {
    expect(isPublishableKey(genericCandidate(`key = "${key}"`, key))).toBe(true);
    expect(isPublishableKey(providerCandidate(key))).toBe(true);
  });

  it.each([`sk_test_${body}`, `sk_live_${body}`, `sk-lf-${uuid}`, `rk_live_${body}`, `xpk_test_${body}`])('keeps %s', (key) => {
    expect(isPublishableKey(genericCandidate(`key = "${key}"`, key))).toBe(false);
  });
});
