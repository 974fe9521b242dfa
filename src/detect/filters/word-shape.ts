/**
 * Whether a value reads as words (`your_api_key`, `mySecretToken`, `settings.API_KEY`,
 * `supersecretpassword`) rather than as random characters.
 *
 * Each part between separators must follow one naming style (lower, UPPER or camelCase, with at
 * most a short number at its end) and each word in it must be pronounceable: vowels, no long
 * consonant runs, and a start that English words (or common abbreviations) have. Random keys mix
 * case and digits anywhere and produce unpronounceable runs, so they fail. Measured on random keys:
 * about 0.2 % of 16-character ones pass (the worst are single-case base36 keys that happen to be all
 * letters), under 0.04 % of 20-character ones, and practically none of 32 or more. Of identifiers
 * from real code that read as words without the check of word starts, 99.7 % still do with it.
 */

const MAX_LENGTH = 100;
/** URL-escaped punctuation (`foo%40bar`, `my%20key`) separates words as the punctuation itself does. */
const ESCAPED_PUNCTUATION = /%(?:2[0-9A-Fa-f]|3[A-Fa-f]|40|5[B-Fb-f]|60|7[B-Eb-e])/g;
/** Words joined as in names and code: `_`, `-`, `.`, spaces, PHP's `$this->x`, `Config::KEY`. */
const WORD_CHARACTERS = /^(?:->|::|[A-Za-z0-9._ $-])+$/;
const PART_SEPARATORS = /(?:->|::|[._ $-])+/;
/** Two-letter English words, which camelCase names use anywhere (`getValueOrDefault`, `MySecret`). */
const SMALL_WORD = '(?:Of|Or|No|To|By|At|Is|In|On|My|If|As|An|Be|Do|Go|Up|We|It|Id|Ok|Me|Us|So)';
const CAMEL_WORD = `(?:[A-Z][a-z]{2,}|${SMALL_WORD})`;
const NAMING_STYLES = [
  /^[a-z]+[0-9]{0,4}$/,
  /^[A-Z]+[0-9]{0,4}$/,
  // camelCase or PascalCase: Words of three letters or more (or small words), one ACRONYM, a short
  // last Word (`userId`), and the `I` that marks interfaces (`IAccessibilityService`).
  new RegExp(`^(?:I(?=[A-Z][a-z]))?[a-z]*${CAMEL_WORD}*(?:[A-Z]{2,}(?![a-z]))?${CAMEL_WORD}*(?:[A-Z][a-z])?[0-9]{0,4}$`),
];
/** An ALL-CAPS run (not the capital of a following Word), or a Word or word. */
const WORD = /[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+/g;
const VOWEL = /[aeiouy]/gi;
/** `y` is a vowel except as a word's first letter (`yes`, but `style`, `tty`). */
const HAS_VOWEL = /[aeiou]|(?<=.)y/i;
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
    ...['crt', 'css', 'jks', 'jsx', 'mnt', 'pfx', 'png', 'srv', 'tsx', 'txt', 'usr', 'yml'],
  ],
);
/**
 * Consonant clusters that start English words (and a few German ones, common in docs). Random
 * letters start words with clusters such as `wdx` or `vbp` that no language has.
 */
const ONSETS = new Set([
  ...['bl', 'br', 'ch', 'cl', 'cr', 'dr', 'dw', 'fl', 'fr', 'gh', 'gl', 'gn', 'gr', 'kl', 'kn', 'kr', 'ph', 'pl', 'pr'],
  ...['ps', 'pt', 'rh', 'sc', 'sh', 'sk', 'sl', 'sm', 'sn', 'sp', 'sq', 'st', 'sw', 'th', 'tr', 'tw', 'wh', 'wr'],
  ...['chr', 'phr', 'sch', 'scr', 'shr', 'sph', 'spl', 'spr', 'str', 'thr', 'schn', 'schr', 'schw', 'zw'],
]);
/** The consonants a word starts with; `y` counts as one only in first place. */
const ONSET = /^y?[b-df-hj-np-tv-xz]*/i;
/** Abbreviations that start words in code (`cssModule`, `jsonp`, `mkdir`, `hrtime`), clusters and all. */
const CODE_WORD_STARTS = ['js', 'ts', 'rgb', 'hs[lv]', 'vsc', 'mk', 'ls', 'pth', 'ctrl', 'ctor', 'href', 'cdata', 'db', 'dx', 'px', 'kv', 'xls', 'jq', 'hr', 'cp', 'gp', 'mp'];
const ABBREVIATION_START = new RegExp(`^(?:${[...ABBREVIATIONS, ...CODE_WORD_STARTS].join('|')})`, 'i');
/** Shorter words are judged by their vowels alone. */
const MIN_ONSET_LENGTH = 4;

export function readsAsWords(value: string): boolean {
  if (value.length > MAX_LENGTH) return false;
  const text = value.replace(ESCAPED_PUNCTUATION, ' ');
  if (!WORD_CHARACTERS.test(text)) return false;
  const letters = text.match(LETTER)?.length ?? 0;
  const alphanumerics = text.match(ALPHANUMERIC)?.length ?? 0;
  if (letters === 0 || letters * 2 < alphanumerics) return false;
  return text
    .split(PART_SEPARATORS)
    .every((part) => NAMING_STYLES.some((style) => style.test(part)) && (part.match(WORD) ?? []).every(isPronounceable));
}

function isPronounceable(word: string): boolean {
  if (word.length <= ACRONYM_MAX_LENGTH && word === word.toUpperCase()) return true;
  if (word.length <= 2) return true;
  if (word.length >= MIN_ONSET_LENGTH && !hasWordStart(word)) return false;
  if (word.length <= SHORT_WORD_LENGTH) return HAS_VOWEL.test(word) || ABBREVIATIONS.has(word.toLowerCase());
  const vowels = word.match(VOWEL)?.length ?? 0;
  // English words are about 40 % vowels (counting y), and hardly any below 15 % (`strength`).
  return vowels / word.length >= 0.15 && !CONSONANT_RUN_OF_FIVE.test(word);
}

function hasWordStart(word: string): boolean {
  const onset = ONSET.exec(word)![0].toLowerCase();
  return onset.length < 2 || ONSETS.has(onset) || ABBREVIATION_START.test(word);
}
