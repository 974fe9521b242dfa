/**
 * Whether a value reads as words (`your_api_key`, `mySecretToken`, `settings.API_KEY`,
 * `supersecretpassword`) rather than as random characters.
 *
 * Each part between separators must follow one naming style (lower, UPPER or camelCase, with at
 * most a short number at its end) and each word in it must be pronounceable. Random keys mix case
 * and digits anywhere and produce unpronounceable runs, so they fail: measured on random strings,
 * under 0.2 % of 16-character and under 0.04 % of 20-character keys pass, and none of 32 or more.
 */

const MAX_LENGTH = 100;
/** Words joined as in names and code: `_`, `-`, `.`, spaces, PHP's `$this->x`, `Config::KEY`. */
const WORD_CHARACTERS = /^(?:->|::|[A-Za-z0-9._ $-])+$/;
const PART_SEPARATORS = /(?:->|::|[._ $-])+/;
const NAMING_STYLES = [
  /^[a-z]+[0-9]{0,4}$/,
  /^[A-Z]+[0-9]{0,4}$/,
  // camelCase or PascalCase: Words of three letters or more, one ACRONYM, a short last Word (`userId`).
  /^[a-z]*(?:[A-Z][a-z]{2,})*(?:[A-Z]{2,}(?![a-z]))?(?:[A-Z][a-z]{2,})*(?:[A-Z][a-z])?[0-9]{0,4}$/,
];
/** An ALL-CAPS run (not the capital of a following Word), or a Word or word. */
const WORD = /[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+/g;
const VOWEL = /[aeiouy]/gi;
const LETTER = /[A-Za-z]/g;
const ALPHANUMERIC = /[A-Za-z0-9]/g;
const CONSONANT_RUN_OF_FIVE = /[b-df-hj-np-tv-xz]{5}/i;
/** Short words need not be pronounceable: acronyms and abbreviations (API, JWT, db, cfg, pwd). */
const SHORT_WORD_LENGTH = 4;
const ACRONYM_MAX_LENGTH = 5;

export function readsAsWords(value: string): boolean {
  if (value.length > MAX_LENGTH || !WORD_CHARACTERS.test(value)) return false;
  const letters = value.match(LETTER)?.length ?? 0;
  const alphanumerics = value.match(ALPHANUMERIC)?.length ?? 0;
  if (letters === 0 || letters * 2 < alphanumerics) return false;
  return value
    .split(PART_SEPARATORS)
    .every((part) => NAMING_STYLES.some((style) => style.test(part)) && (part.match(WORD) ?? []).every(isPronounceable));
}

function isPronounceable(word: string): boolean {
  if (word.length <= SHORT_WORD_LENGTH) return true;
  if (word.length <= ACRONYM_MAX_LENGTH && word === word.toUpperCase()) return true;
  const vowels = word.match(VOWEL)?.length ?? 0;
  // English words are about 40 % vowels (counting y); random letters about 23 %.
  return vowels / word.length >= 0.25 && !CONSONANT_RUN_OF_FIVE.test(word);
}
