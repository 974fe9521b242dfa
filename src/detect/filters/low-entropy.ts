import type { Candidate, Filter } from './filter.js';
import { expectedRandomEntropy, shannonEntropy } from '../entropy.js';

/**
 * Values far less varied than a random string of the same length and alphabet: `aaaabbbb`,
 * `deadbeefdeadbeef`, `1111111122222222`. The threshold is the entropy a random string is expected
 * to have minus a margin: 4.5/√length bits covers the spread of short random strings (measured:
 * fewer than 1 in 10,000 fall below it), and at least 12 % of the expected value leaves room for
 * long secrets that are random but not uniform, such as JWTs, whose header is base64 of JSON.
 */
const SPREAD = 4.5;
const MIN_RELATIVE_MARGIN = 0.12;
/** Past this length the expected entropy no longer changes measurably; it keeps the sum short. */
const MAX_JUDGED_LENGTH = 4096;

const DIGITS_ONLY = /^[0-9]+$/;
const HEX = /^(?:[0-9a-f]+|[0-9A-F]+)$/;

/** The size of the alphabet a random generator would have drawn this value from. */
export function alphabetSize(value: string): number {
  if (DIGITS_ONLY.test(value)) return 10;
  if (HEX.test(value)) return 16;
  const others = new Set(value.replace(/[A-Za-z0-9]/g, '')).size;
  return (/[a-z]/.test(value) ? 26 : 0) + (/[A-Z]/.test(value) ? 26 : 0) + (/[0-9]/.test(value) ? 10 : 0) + others;
}

export function isLowEntropy(value: string): boolean {
  const length = [...value].length;
  const expected = expectedRandomEntropy(Math.min(length, MAX_JUDGED_LENGTH), alphabetSize(value));
  const margin = Math.max(SPREAD / Math.sqrt(length), MIN_RELATIVE_MARGIN * expected);
  return shannonEntropy(value) < expected - margin;
}

export const lowEntropyFilter: Filter = {
  name: 'low-entropy',
  description: 'Drops values much less varied than a random string of their length and alphabet (`aaaabbbb`, `deadbeefdeadbeef`), with a margin that keeps short and structured random keys.',
  appliesTo: 'generic',
  matches: (candidate: Candidate) => isLowEntropy(candidate.secret),
};
