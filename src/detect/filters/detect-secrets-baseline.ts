import type { Candidate, Filter } from './filter.js';
import { surroundingsOf } from './surroundings.js';

/**
 * detect-secrets baselines (`.secrets.baseline`) list every secret they know by its SHA-1 as
 * `"hashed_secret": "<40 hex>"`; the hash is not the secret and is committed on purpose.
 */
const HASHED_SECRET_BEFORE = /"hashed_secret"\s*:\s*"$/;

export function isDetectSecretsHash(candidate: Candidate): boolean {
  return /^[a-f0-9]{40}$/.test(candidate.secret) && HASHED_SECRET_BEFORE.test(surroundingsOf(candidate).before);
}

export const detectSecretsBaselineFilter: Filter = {
  name: 'detect-secrets-baseline',
  description: 'Drops the "hashed_secret" SHA-1 values of a detect-secrets baseline: hashes that detect-secrets commits on purpose, not secrets.',
  appliesTo: 'all',
  matches: isDetectSecretsHash,
};
