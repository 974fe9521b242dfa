import type { Candidate, Filter } from './filter.js';
import { assignedNameWords } from './assigned-name.js';

/**
 * Tokens that web pages carry in the open: CSRF tokens (`csrf_token`, `X-XSRF-TOKEN`, Rails'
 * `authenticity_token`, Django's `csrfmiddlewaretoken`) and nonces (`nonce`, `cspNonce`). They are
 * issued per session or request and authorise nothing on their own. Judged by the name's last
 * words, so a `CSRF_SECRET` (the server-side key that signs such tokens) stays.
 */
const ANTI_FORGERY_WORDS = new Set(['csrf', 'xsrf', 'authenticity', 'csrfmiddlewaretoken']);

export function isRequestTokenName(candidate: Candidate): boolean {
  const words = assignedNameWords(candidate);
  const head = words.at(-1);
  if (head === undefined) return false;
  if (head === 'nonce' || ANTI_FORGERY_WORDS.has(head)) return true;
  return head === 'token' && ANTI_FORGERY_WORDS.has(words.at(-2) ?? '');
}

export const requestTokenNameFilter: Filter = {
  name: 'request-token-name',
  description: 'Drops CSRF tokens and nonces (`csrf_token`, `authenticity_token`, `nonce`): pages carry them in the open and they authorise nothing on their own.',
  appliesTo: 'generic',
  matches: isRequestTokenName,
};
