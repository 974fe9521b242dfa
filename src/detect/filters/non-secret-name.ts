import type { Candidate, Filter } from './filter.js';
import { assignedName, wordsOf } from './assigned-name.js';

/**
 * Names that contain a secret word but do not name a secret. Generic rules find secrets by such
 * words anywhere in a name, so this filter judges the name as a whole, by its last secret word:
 *
 * - Words after it make the name about something else: `token_type`, `api_key_id`, `secretName`,
 *   `SECRET_KEY_FILE`, `passwordField`, `PASSWORD_MIN_LENGTH`. Only qualifiers of the secret itself
 *   may follow (`API_KEY_PROD`, `jwtSecretBase64`, `DB_PASSWORD_2`).
 * - It is part of a longer word: `tokenizer`, `max_tokens`, `author`, `secretary`, `bypass`. Short
 *   words (`pass`, `pwd`, `auth`) must also start a word, as `passenger` and `oauth` show.
 * - The word before a token says it authorises nothing: pagination cursors (`next_page_token`),
 *   cancellation and sync tokens, tokenizer vocabulary (`eos_token`), counters (`max_tokens`),
 *   device push tokens (`fcm_token`), and the request tokens that web pages carry in the open
 *   (`csrf_token`, `X-XSRF-TOKEN`, Rails' `authenticity_token`).
 *
 * Names without a secret word (`Bearer`, a URL's user) are left alone. CSRF tokens and nonces are
 * also recognised by their own names (`_csrf`, `csrfmiddlewaretoken`, `cspNonce`).
 */

/** Longest first, so `password` is one word rather than `pass` and `word`. */
const SECRET_WORD = /password|passwd|passphrase|pass|pwd|secret|token|auth|key/gi;
/** Too short to be told apart from the inside of other words unless they start one. */
const WORD_START_REQUIRED = new Set(['pass', 'pwd', 'auth']);
/** What may follow the secret word: its encoding, environment, role, variant or version. */
const QUALIFIERS = [
  ...['value', 'val', 'str', 'string', 'b64', 'base64', 'hex', 'enc', 'raw', 'plain', 'salt'],
  ...['prod', 'production', 'live', 'dev', 'development', 'staging', 'stage', 'stg', 'test', 'testing', 'qa', 'local'],
  ...['default', 'primary', 'secondary', 'main', 'new', 'old', 'current', 'base', 'admin', 'root', 'master', 'db'],
];
const QUALIFIED_ENDING = new RegExp(`^(?:[_.-]?(?:${QUALIFIERS.join('|')}))*(?:[_.-]?v?[0-9]{1,3})?$`, 'i');
/** Words that, right before `token`, make it something other than a credential. */
const NON_CREDENTIAL_TOKEN_KINDS = new Set([
  ...['page', 'next', 'prev', 'previous', 'continuation', 'pagination', 'cursor', 'sync', 'cancel', 'cancellation'],
  ...['lexer', 'parser', 'syntax', 'prompt', 'completion', 'reasoning', 'cached', 'special'],
  ...['pad', 'eos', 'bos', 'unk', 'mask', 'sep', 'cls', 'stop'],
  ...['max', 'min', 'num', 'total', 'input', 'output', 'request', 'push', 'device', 'fcm', 'apns'],
  ...['csrf', 'xsrf', 'authenticity'],
]);
const REQUEST_TOKEN_NAMES = new Set(['nonce', 'csrf', 'xsrf', 'authenticity', 'csrfmiddlewaretoken']);

export function isNonSecretName(candidate: Candidate): boolean {
  const name = assignedName(candidate);
  if (REQUEST_TOKEN_NAMES.has(wordsOf(name).at(-1) ?? '')) return true;
  const secretWord = [...name.matchAll(SECRET_WORD)].at(-1);
  if (secretWord === undefined) return false;
  const start = secretWord.index;
  const word = secretWord[0].toLowerCase();
  if (WORD_START_REQUIRED.has(word) && !startsWord(name, start)) return true;
  if (!QUALIFIED_ENDING.test(name.slice(start + word.length))) return true;
  return word === 'token' && NON_CREDENTIAL_TOKEN_KINDS.has(wordBefore(name, start));
}

/** At the start of the name, after a non-letter, or at a camelCase boundary (`userPass`, `OAuth`). */
function startsWord(name: string, index: number): boolean {
  const previous = name[index - 1];
  if (previous === undefined || !/[A-Za-z]/.test(previous)) return true;
  const current = name[index]!;
  const next = name[index + 1] ?? '';
  return isUpper(current) && (!isUpper(previous) || /[a-z]/.test(next));
}

function isUpper(character: string): boolean {
  return /[A-Z]/.test(character);
}

/** The word right before `index`, lower-cased: `page` in `next_page_token` or `nextPageToken`. */
function wordBefore(name: string, index: number): string {
  return wordsOf(name.slice(0, index)).at(-1) ?? '';
}

export const nonSecretNameFilter: Filter = {
  name: 'non-secret-name',
  description:
    'Drops values whose name contains a secret word but names something else: `token_type`, `api_key_id`, `secretName`, `tokenizer`, `next_page_token`, `max_tokens`, CSRF tokens and nonces.',
  appliesTo: 'generic',
  matches: isNonSecretName,
};
