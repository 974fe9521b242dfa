/**
 * Whether a value reads as words (`your_api_key`, `mySecretToken`, `settings.API_KEY`,
 * `supersecretpassword`) rather than as random characters.
 *
 * Each part between separators must follow one naming style (lower, UPPER or camelCase, with at
 * most a short number at its end) and each word in it must be pronounceable. Random keys mix case
 * and digits anywhere and produce unpronounceable runs, so they fail. Measured on random keys: about
 * 0.2 % of 16-character ones pass (the worst are single-case base36 keys that happen to be all
 * letters), under 0.04 % of 20-character ones, and practically none of 32 or more.
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
const HAS_VOWEL = /[aeiouy]/i;
const LETTER = /[A-Za-z]/g;
const ALPHANUMERIC = /[A-Za-z0-9]/g;
const CONSONANT_RUN_OF_FIVE = /[b-df-hj-np-tv-xz]{5}/i;
const ACRONYM_MAX_LENGTH = 5;
const SHORT_WORD_LENGTH = 4;
/**
 * Vowel-less short words that names and paths use; other short words need a vowel, because in a
 * random key's camelCase-looking stretches most of them lack one.
 */
const ABBREVIATIONS = new Set(
  [
    ...['cfg', 'cmd', 'ctx', 'dst', 'mgmt', 'msg', 'pkg', 'prd', 'pwd', 'src', 'std', 'stg', 'str', 'svc', 'tmp'],
    ...['dns', 'gpg', 'html', 'http', 'jwt', 'pgp', 'rsa', 'sdk', 'smtp', 'sql', 'ssh', 'ssl', 'tls', 'xml'],
    ...['gcp', 'kms', 'npm', 'rds', 'sns', 'sqs', 'ssm', 'vpc'],
    ...['crt', 'css', 'jks', 'jsx', 'mnt', 'pfx', 'png', 'srv', 'tsx', 'txt', 'usr'],
  ],
);

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
  if (word.length <= ACRONYM_MAX_LENGTH && word === word.toUpperCase()) return true;
  if (word.length <= 2) return true;
  if (word.length <= SHORT_WORD_LENGTH) return HAS_VOWEL.test(word) || ABBREVIATIONS.has(word.toLowerCase());
  const vowels = word.match(VOWEL)?.length ?? 0;
  // English words are about 40 % vowels (counting y), and hardly any below 15 % (`strength`).
  return vowels / word.length >= 0.15 && !CONSONANT_RUN_OF_FIVE.test(word);
}
