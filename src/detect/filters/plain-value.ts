import type { Candidate, Filter } from './filter.js';
import { surroundingsOf } from './surroundings.js';

/**
 * Values without the character mix of a generated secret. Key and password generators mix letters
 * with digits or symbols, so a value with no letter (`1234567890123456`, `****`) or with letters
 * only (`ThisIsNotARealKey`, `postgres`) is a number, a mask, a word or a name. Long letter-only
 * values in mixed case stay when they are literals (quoted, an element's text, a URL's password):
 * a 24-character base62 key has no digit about once in 70 draws. Unquoted, such a value is a name
 * in code (`token: questionOrExclamationToken`). Case matters here, which is why this is a filter
 * and not part of the case-blind generic patterns.
 */
const LETTER = /[A-Za-z]/;
const DIGIT = /[0-9]/;
/** A symbol in first place is a sigil (`@brackets.directive`, `$API_KEY`, `!Ref`), not part of a mix. */
const SYMBOL_AFTER_FIRST = /(?<=.)[!@#$%^&*+=?~]/;
const MIN_LETTERS_ONLY_LENGTH = 24;
/** What opens a literal: a quote, an element's start tag, or a URL's `scheme://user:`. */
const LITERAL_OPENER = /["'`>]$|:\/\/[^\s/@]*:$/;

export function isPlainValue(candidate: Candidate): boolean {
  const { secret } = candidate;
  if (!LETTER.test(secret)) return true;
  if (DIGIT.test(secret) || SYMBOL_AFTER_FIRST.test(secret)) return false;
  const longMixedCase = secret.length >= MIN_LETTERS_ONLY_LENGTH && /[a-z]/.test(secret) && /[A-Z]/.test(secret);
  return !longMixedCase || !LITERAL_OPENER.test(surroundingsOf(candidate).before);
}

export const plainValueFilter: Filter = {
  name: 'plain-value',
  description:
    'Drops values without the mix of a generated secret: no letter (numbers, masks), or letters only, unless a quoted literal of 24 or more in mixed case.',
  appliesTo: 'generic',
  matches: isPlainValue,
};
