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
const FILE_EXTENSION = /\.[A-Za-z][A-Za-z0-9]{0,4}$/;
const SEPARATOR = /[\\/]/;
/** Separators between a URL's or path's parts, percent-escapes (`%20`) included. */
const COMPONENT_SEPARATORS = /(?:%[0-9A-Fa-f]{2}|[\\/:@?&=#%+,;~])+/;
const NUMBER_OR_DOTS = /^(?:[0-9]+|\.*)$/;

export function isPathOrUrl(value: string): boolean {
  const scheme = URL_SCHEME.exec(value)?.[0];
  const shaped = scheme !== undefined || PATH_ROOT.test(value) || (SEPARATOR.test(value) && FILE_EXTENSION.test(value));
  if (!shaped) return false;
  return value
    .slice(scheme?.length ?? 0)
    .split(COMPONENT_SEPARATORS)
    .every((component) => NUMBER_OR_DOTS.test(component) || readsAsWords(component));
}

export const pathOrUrlFilter: Filter = {
  name: 'path-or-url',
  description: 'Drops file paths and URLs made only of words and numbers (`/etc/keys/api.pem`, `https://api.example.com/v1`): they point to a secret, they are not one; URLs with random credentials in them stay.',
  appliesTo: 'generic',
  matches: (candidate: Candidate) => isPathOrUrl(candidate.secret),
};
