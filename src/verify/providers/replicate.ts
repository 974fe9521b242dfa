import { jsonOf, stringAt } from '../answer.js';
import { bearerGet } from './bearer-get.js';

/** Replicate: the account endpoint names the account. */
export const replicate = bearerGet({
  id: 'replicate',
  provider: 'Replicate',
  ruleIds: ['replicate-api-token'],
  host: 'api.replicate.com',
  path: '/v1/account',
  keyPage: 'https://replicate.com/account/api-tokens',
  read(answer) {
    if (answer.status !== 200) return undefined;
    const username = stringAt(jsonOf(answer), 'username');
    return { status: 'live', ...(username ? { detail: `account ${username}` } : {}) };
  },
});
