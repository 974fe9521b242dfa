import { jsonOf, stringAt } from '../answer.js';
import { bearerGet } from './bearer-get.js';

/** npm: whoami names the account the token belongs to. */
export const npm = bearerGet({
  id: 'npm',
  provider: 'npm',
  ruleIds: ['npm-access-token'],
  host: 'registry.npmjs.org',
  path: '/-/whoami',
  keyPage: 'https://www.npmjs.com/settings/~/tokens',
  read(answer) {
    if (answer.status !== 200) return undefined;
    const username = stringAt(jsonOf(answer), 'username');
    return { status: 'live', ...(username ? { detail: `account ${username}` } : {}) };
  },
});
