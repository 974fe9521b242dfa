import type { Candidate, Filter } from './filter.js';
import { readsAsWords } from './word-shape.js';

/**
 * File paths and URLs point to where a secret is, or to an API; they are not secrets themselves:
 * `/etc/keys/api.pem`, `./secrets.json`, `C:\keys\token.txt`, `https://api.example.com/v1`.
 * Credentials inside a URL (`https://user:<random>@host`, `?key=<random>`) stay, because every
 * component must read as words or be a number, and a random key does neither. Base64 keys contain
 * `/` too, but their components are random and never end in a file extension.
 */
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const PATH_ROOT = /^(?:~|\.{1,2})?[\\/]|^[A-Za-z]:[\\/]/;
const NAME_JOINERS = /[-_.]/;
const PATH_SEPARATORS = /[\\/]+/;
/** Between a URL's parts: path, port, user info, query and fragment delimiters, and `%20` escapes. */
const URL_SEPARATORS = /(?:%[0-9A-Fa-f]{2}|[/:@?&=#+,;~])+/;
/** A port, a version, `.` or `..`. */
const NUMBER_OR_DOTS = /^(?:[0-9]+|\.*)$/;

export function isPathOrUrl(value: string): boolean {
  const scheme = URL_SCHEME.exec(value)?.[0];
  if (scheme !== undefined) return value.slice(scheme.length).split(URL_SEPARATORS).every(isNamePart);
  const root = PATH_ROOT.exec(value)?.[0];
  // A relative path without an extension (`external/cwe/cwe-798`) counts too: its parts must read
  // as words, which the parts of a base64 key with `/` in it never do.
  const isPath = root !== undefined || PATH_SEPARATORS.test(value);
  return isPath && value.slice(root?.length ?? 0).split(PATH_SEPARATORS).every(isNamePart);
}

/** A name, a number, or names and numbers joined by `-`, `_` or `.` (`cwe-798`, `v2_final`). */
function isNamePart(part: string): boolean {
  return part.split(NAME_JOINERS).every((piece) => NUMBER_OR_DOTS.test(piece) || readsAsWords(piece));
}

export const pathOrUrlFilter: Filter = {
  name: 'path-or-url',
  description: 'Drops file paths and URLs made only of words and numbers (`/etc/keys/api.pem`, `https://api.example.com/v1`): they point to a secret, they are not one; URLs with random credentials in them stay.',
  appliesTo: 'generic',
  matches: (candidate: Candidate) => isPathOrUrl(candidate.secret),
};
