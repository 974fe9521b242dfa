import type { Candidate, Filter } from './filter.js';
import { readsAsWords } from './word-shape.js';

/**
 * Passwords that people write as examples and test fixtures: a word with digits or symbols tacked
 * on (`Test1234!`, `Admin@123`, `Welcome1`), also in leetspeak (`P@ssw0rd!`), and anything that
 * spells out "password" (`SomeKindOfPassword123!@#`). A generated password mixes letters, digits
 * and symbols throughout, so it neither splits into a word and a tail of digits and symbols nor
 * spells a word of eight letters.
 */
const SPELLS_PASSWORD = /p[a@4][s$5]{2}w[o0]rd/i;
const TAIL = /[0-9!@#$%^&*_.?~+-]+$/;
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
/**
 * Words as people type them: lower-case, maybe capitalised, maybe several (`Test`, `MyPassword`,
 * `This-is-my-test`). Not acronyms or case mixes, which random runs produce (`XKJUxxbce`). Each
 * further word starts with a separator or a capital, so a long lower-case run can be split only one
 * way (an optional separator and capital made the regex backtrack exponentially on such runs).
 */
const TYPED_WORDS = /^[A-Za-z][a-z]+(?:[-_. ][A-Z]?[a-z]+|[A-Z][a-z]+)*$/;
const MIN_WORD_LENGTH = 4;

export function isExamplePassword(value: string): boolean {
  if (SPELLS_PASSWORD.test(value)) return true;
  const tailStart = value.search(TAIL);
  if (tailStart < MIN_WORD_LENGTH) return false;
  const word = value.slice(0, tailStart).replace(/[013457@$]/g, (character) => LEET[character]!);
  return TYPED_WORDS.test(word) && readsAsWords(word);
}

export const examplePasswordFilter: Filter = {
  name: 'example-password',
  description: 'Drops example passwords: a word with digits or symbols tacked on (`Test1234!`, `Admin@123`, `P@ssw0rd1`), or any value that spells "password".',
  appliesTo: 'generic',
  matches: (candidate: Candidate) => isExamplePassword(candidate.secret),
};
