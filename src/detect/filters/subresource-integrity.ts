import type { Candidate, Filter } from './filter.js';
import { surroundingsOf } from './surroundings.js';

/**
 * Subresource Integrity hashes: `integrity="sha384-<base64>"` on script and link tags, and the
 * same `sha512-<base64>` form in lock files and import maps. A digest of a public file.
 */
const SRI_PREFIX = /^sha(?:256|384|512)-/;
const SRI_BEFORE = /sha(?:256|384|512)-[A-Za-z0-9+/]*$/;

export function isSubresourceIntegrity(candidate: Candidate): boolean {
  return SRI_PREFIX.test(candidate.secret) || SRI_BEFORE.test(surroundingsOf(candidate).before);
}

export const subresourceIntegrityFilter: Filter = {
  name: 'subresource-integrity',
  description: 'Drops Subresource Integrity hashes (sha256-, sha384-, sha512- followed by base64), digests of public files.',
  appliesTo: 'all',
  matches: isSubresourceIntegrity,
};
