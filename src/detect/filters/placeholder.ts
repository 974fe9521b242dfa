import type { Candidate, Filter } from './filter.js';
import { surroundingsOf } from './surroundings.js';

/**
 * Placeholders stand where a key should go: `sk-xxxx…`, `YOUR_API_KEY`, `<api-key>`, `****`,
 * `AKIAIOSFODNN7EXAMPLE`. This filter also runs on provider keys, whose random part can be 160
 * characters long, so it only looks for what random text practically never contains: runs that
 * no key alphabet produces (`****`, `...`), 4+ x's of one case, and words written in one case.
 *
 * The odds, for a 164-character base62 key: one given word in one of three casings turns up with
 * probability 3 · 161 / 62⁴ ≈ 3e-5 for 4 letters, 5e-7 for 5, 1e-10 for 7. So words of 5 letters
 * or more may appear anywhere (`sk-proj-EXAMPLE…`), while 4-letter ones (`your`, `fake`) must
 * stand alone, between separators or at an end, which random text rarely arranges.
 */

/** Masking runs: x's of one case, asterisks, an ellipsis or bullets (also as UTF-8 read as latin1). */
const MASK_RUN = /x{4,}|X{4,}|\*{3,}|\.{3}|\u2026|\u00e2\u0080\u00a6|[\u2022\u25cf]{2,}|(?:\u00e2\u0080\u00a2|\u00e2\u0097\u008f){2}/;

const WORDS_ANYWHERE = [
  'example',
  'sample',
  'dummy',
  'redacted',
  'placeholder',
  'change[_-]?me',
  'replace[_-]?me',
  'insert[a-z_-]{0,30}?here',
  'not[_ -]?a[_ -]?real',
];
const STANDALONE_WORDS = ['your', 'fake', 'todo', 'mock', 'demo', 'here'];

/** Each word as lowercase, UPPERCASE or Capitalized: mixed case is what random text looks like. */
function inOneCase(word: string): string[] {
  return [word, word.toUpperCase(), word.charAt(0).toUpperCase() + word.slice(1)];
}

/** Between separators or at an end; a camelCase word may follow (`sk-your-key`, `yourKey`, `FAKE_TOKEN`). */
function standalone(word: string): string {
  const notFollowedBy = word === word.toUpperCase() ? '[A-Za-z0-9]' : '[a-z0-9]';
  return `(?<![A-Za-z0-9])${word}(?!${notFollowedBy})`;
}

const PLACEHOLDER_WORD = new RegExp(
  [...WORDS_ANYWHERE.flatMap(inOneCase), ...STANDALONE_WORDS.flatMap(inOneCase).map(standalone)].join('|'),
);

/**
 * Values that specifications and popular docs print as examples, so they turn up in tests, docs and
 * tutorials: RFC 6749's access token, refresh token, authorization code and client credentials, and
 * jwt.io's sample token (by its fixed header and payload; the signature varies with the secret).
 */
export const DOCUMENTED_EXAMPLES: readonly string[] = [
  '2YotnFZFEjr1zCsicMWpAA',
  'tGzv3JOkF0XG5Qx2TlKWIA',
  'SplxlOBeZQQYbYS6WxSbIA',
  'czZCaGRSa3F0MzpnWDFmQmF0M2JW',
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ',
];

export function isPlaceholder(candidate: Candidate): boolean {
  return hasPlaceholderText(candidate.secret) || isDocumentedExample(candidate.secret) || isInAngleBrackets(candidate);
}

function isDocumentedExample(value: string): boolean {
  return DOCUMENTED_EXAMPLES.some((example) => value.startsWith(example));
}

/** The value alone: a masking run or a placeholder word. */
export function hasPlaceholderText(value: string): boolean {
  return MASK_RUN.test(value) || PLACEHOLDER_WORD.test(value);
}

/** `<api-key>`, `<YOUR TOKEN>`: angle brackets around a value mark it as a blank to fill in. */
function isInAngleBrackets(candidate: Candidate): boolean {
  if (/^<[^<>]+>$/.test(candidate.secret)) return true;
  const { before, after } = surroundingsOf(candidate);
  return before.endsWith('<') && after.startsWith('>');
}

export const placeholderFilter: Filter = {
  name: 'placeholder',
  description:
    'Drops placeholders such as `sk-xxxx`, `YOUR_API_KEY`, `<api-key>`, `****` and `…EXAMPLE`, and example tokens from specifications (RFC 6749, jwt.io); random keys practically never contain these.',
  appliesTo: 'all',
  matches: isPlaceholder,
};
