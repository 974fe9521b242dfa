import { jsonOf, readStatus, stringAt } from '../answer.js';
import type { Verifier } from '../verifier.js';

/** Telegram: getMe, with the token in the path as the Bot API requires; it names the bot. */
export const telegram: Verifier = {
  id: 'telegram',
  provider: 'Telegram',
  ruleIds: ['telegram-bot-token'],
  host: 'api.telegram.org',
  endpoint: 'GET https://api.telegram.org/bot<token>/getMe',
  keyPage: 'https://t.me/BotFather',
  request: (credential) => ({ method: 'GET', path: `/bot${encodeURI(credential.secret)}/getMe`, headers: {} }),
  read(answer) {
    // The Bot API answers an unknown token with 401 Unauthorized, a malformed one with 404.
    if (answer.status === 404) return { status: 'revoked', detail: 'Telegram does not know the token' };
    if (answer.status !== 200) return readStatus(answer);
    const username = stringAt(jsonOf(answer), 'result', 'username');
    return { status: 'live', ...(username ? { detail: `bot @${username}` } : {}) };
  },
};
