import type { Candidate, Filter } from './filter.js';
import { surroundingsOf } from './surroundings.js';

/**
 * .NET strong-name public key tokens: `PublicKeyToken=b77a5c561934e089` in assembly names,
 * `publicKeyToken="31bf3856ad364e35"` in app.config / web.config binding redirects. The token is
 * the hash of the assembly's public signing key, printed in every reference to it.
 */
const TOKEN_BEFORE = /\bpublicKeyToken\s*[=:]\s*["']?$/i;

export function isPublicKeyToken(candidate: Candidate): boolean {
  return TOKEN_BEFORE.test(surroundingsOf(candidate).before);
}

export const publicKeyTokenFilter: Filter = {
  name: 'public-key-token',
  description: 'Drops .NET strong-name PublicKeyToken values (assembly references and binding redirects): the hash of a public key, printed in every reference to the assembly.',
  appliesTo: 'all',
  matches: isPublicKeyToken,
};
