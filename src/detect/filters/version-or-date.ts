import type { Candidate, Filter } from './filter.js';
import { readsAsWords } from './word-shape.js';

/**
 * Versions, dates, times and IP addresses assigned to key-like names (`api_version`,
 * `token_expires_at`, `key_created`): `2024-02-15-preview`, `v1.2.3-rc.1`, `2024-01-15T10:30:00Z`,
 * `10.0.0.1`. They are short digit groups between separators, labelled at most by plain letters;
 * a random key's parts between its `-` or `_` mix letters and digits and so never qualify.
 */
const VERSION_CHARACTERS = /^[A-Za-z0-9._:/+-]+$/;
const SEPARATORS = /[._:/+-]+/;
/** A digit group of a version, date or address, with ISO 8601's `T` and `Z` (`15T10`, `00Z`). */
const DIGIT_GROUP = /^v?[0-9]{1,4}(?:T[0-9]{1,2})?Z?$/;
const LETTERS = /^[A-Za-z]+$/;
const MIN_DIGIT_GROUPS = 2;

export function isVersionOrDate(value: string): boolean {
  if (!VERSION_CHARACTERS.test(value)) return false;
  const parts = value.split(SEPARATORS).filter((part) => part !== '');
  const digitGroups = parts.filter((part) => DIGIT_GROUP.test(part)).length;
  return digitGroups >= MIN_DIGIT_GROUPS && parts.every((part) => DIGIT_GROUP.test(part) || isLabel(part));
}

/** `v`, `rc`, `beta`, `preview`: plain letters that read as a word. */
function isLabel(part: string): boolean {
  return LETTERS.test(part) && readsAsWords(part);
}

export const versionOrDateFilter: Filter = {
  name: 'version-or-date',
  description: 'Drops versions, dates, times and IP addresses (`2024-02-15-preview`, `v1.2.3`, `2024-01-15T10:30:00Z`): digit groups between separators, not keys.',
  appliesTo: 'generic',
  matches: (candidate: Candidate) => isVersionOrDate(candidate.secret),
};
