/**
 * Whether a value reads as words (`your_api_key`, `mySecretToken`, `settings.API_KEY`,
 * `supersecretpassword`) rather than as random characters. Random keys mix case and digits at
 * random, so splitting one at case changes and digits yields many one- or two-letter fragments,
 * digits in the middle, and unpronounceable letter runs; names and phrases do not.
 */

const WORD_CHARACTERS = /^[A-Za-z0-9._ -]+$/;
const PART_SEPARATORS = /[._ -]+/;
/** An ALL-CAPS run (not the capital of a following Word), a Word or word, one capital, or digits. */
const TOKEN = /[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[A-Z]|[0-9]+/g;
const DIGITS = /^[0-9]+$/;
const VOWEL = /[aeiouy]/gi;
const CONSONANT_RUN_OF_FIVE = /[b-df-hj-np-tv-xz]{5}/i;

/** Short all-caps tokens are acronyms (API, JWT, HTTP, XSRF) and need not be pronounceable. */
const ACRONYM_MAX_LENGTH = 5;
/** `hunter2`, `key2024`, `sha256`: a short number may end a part, never sit inside one. */
const TRAILING_NUMBER_MAX_LENGTH = 4;

export function readsAsWords(value: string): boolean {
  if (!WORD_CHARACTERS.test(value)) return false;
  const letterTokens: string[] = [];
  for (const part of value.split(PART_SEPARATORS)) {
    if (part === '') continue;
    const tokens = part.match(TOKEN) ?? [];
    const last = tokens.length - 1;
    for (const [index, token] of tokens.entries()) {
      if (!DIGITS.test(token)) letterTokens.push(token);
      else if (index !== last || token.length > TRAILING_NUMBER_MAX_LENGTH) return false;
    }
  }
  if (letterTokens.length === 0) return false;
  // One single letter is a name (`e.apiKey`, `x-api-key`); several are random case changes.
  if (letterTokens.filter((token) => token.length === 1).length > 1) return false;
  const letters = letterTokens.reduce((sum, token) => sum + token.length, 0);
  if (letters / letterTokens.length < 2.5) return false;
  return letterTokens.every(isPronounceable);
}

function isPronounceable(token: string): boolean {
  if (token.length <= 2) return true;
  if (token.length <= ACRONYM_MAX_LENGTH && token === token.toUpperCase()) return true;
  const vowels = token.match(VOWEL)?.length ?? 0;
  // English words are about 40 % vowels; random letters about 23 %.
  return vowels / token.length >= 0.25 && !CONSONANT_RUN_OF_FIVE.test(token);
}
