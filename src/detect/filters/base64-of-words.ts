import type { Candidate, Filter } from './filter.js';
import { hasPlaceholderText } from './placeholder.js';
import { readsAsWords } from './word-shape.js';

/**
 * Placeholders in base64, as Kubernetes Secrets and Basic auth headers hold them:
 * `cGFzc3dvcmQ=` is `password`, `dXNlcjpjaGFuZ2VtZQ==` is `user:changeme`. A real key decodes to
 * a random-looking string or to binary, so it stays; so does an encoded key in a Secret.
 */
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const PRINTABLE = /^[\x20-\x7e]+$/;
/** Four characters decode to three bytes, too few to spell anything. */
const MIN_LENGTH = 8;

export function isBase64OfWords(value: string): boolean {
  if (value.length < MIN_LENGTH || value.length % 4 !== 0 || !BASE64.test(value)) return false;
  const decoded = Buffer.from(value, 'base64').toString('latin1').replace(/\r?\n$/, '');
  if (!PRINTABLE.test(decoded)) return false;
  // Basic auth encodes `user:password`; the password is what matters.
  const secretPart = decoded.slice(decoded.indexOf(':') + 1);
  return readsAsWords(secretPart) || hasPlaceholderText(secretPart);
}

export const base64OfWordsFilter: Filter = {
  name: 'base64-of-words',
  description: 'Drops base64 that decodes to words or a placeholder (`cGFzc3dvcmQ=` is `password`), as Kubernetes Secrets and Basic auth headers hold them.',
  appliesTo: 'generic',
  matches: (candidate: Candidate) => isBase64OfWords(candidate.secret),
};
