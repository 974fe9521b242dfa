import type { Candidate, Filter } from './filter.js';
import { surroundingsOf } from './surroundings.js';

/**
 * Values that say they are digests: Subresource Integrity and npm `integrity` (`sha512-…`),
 * OCI/Docker digests (`sha256:…`), and password hashes in crypt formats (`$2b$12$…`,
 * `$argon2id$…`, Django's `pbkdf2_sha256$…`, LDAP's `{SSHA}…`). A hash is not the credential
 * it was made from. The label may sit just outside the captured value.
 */
const DIGEST_LABEL = /(?:sha(?:1|224|256|384|512)|sha3-(?:224|256|384|512)|md5|blake2[bs]?|blake3)[-:]/i;
const LABELLED_DIGEST = new RegExp(`^${DIGEST_LABEL.source}`, 'i');
const LABEL_BEFORE = new RegExp(`${DIGEST_LABEL.source}$`, 'i');
const PASSWORD_HASH = /^\$(?:2[abxy]?|argon2(?:id|i|d)|scrypt|pbkdf2(?:-sha\d+)?|[1256y])\$|^(?:pbkdf2_sha\d+|bcrypt(?:_sha256)?|argon2|scrypt)\$|^\{(?:S?SHA\d*|S?MD5|CRYPT|PBKDF2[\w-]*)\}/i;

export function isLabelledHash(value: string, before = ''): boolean {
  return LABELLED_DIGEST.test(value) || PASSWORD_HASH.test(value) || LABEL_BEFORE.test(before);
}

export const hashValueFilter: Filter = {
  name: 'hash-value',
  description: 'Drops values labelled as digests (`sha512-…` integrity, `sha256:…` image digests) and password hashes (`$2b$…`, `$argon2id$…`): a hash is not the credential.',
  appliesTo: 'generic',
  matches: (candidate: Candidate) => isLabelledHash(candidate.secret, surroundingsOf(candidate).before),
};
