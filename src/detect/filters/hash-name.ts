import type { Candidate, Filter } from './filter.js';
import { assignedNameHead } from './assigned-name.js';

/**
 * Names whose last word says the value is a digest of something: `password_hash`, `sha256`,
 * `"integrity"`, `commitSha`, `etag`, `key_fingerprint`. Only the last word counts, as English
 * compounds name their head last: an `api_key_hash` is a hash, but a `hash_key` or `sha_secret`
 * is a key and stays.
 */
const DIGEST_WORDS = new Set([
  'hash',
  'hashed',
  'sha',
  'sha1',
  'sha224',
  'sha256',
  'sha384',
  'sha512',
  'md5',
  'sum',
  'checksum',
  'crc',
  'crc32',
  'digest',
  'integrity',
  'etag',
  'fingerprint',
  'commit',
  'revision',
]);

export function hasDigestName(candidate: Candidate): boolean {
  const head = assignedNameHead(candidate);
  return head !== undefined && DIGEST_WORDS.has(head);
}

export const hashNameFilter: Filter = {
  name: 'hash-name',
  description: 'Drops values whose name ends in hash, sha256, md5, checksum, digest, integrity, etag, fingerprint or commit: digests, not credentials.',
  appliesTo: 'generic',
  matches: hasDigestName,
};
