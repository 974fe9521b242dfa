import { jsonOf, stringAt } from '../answer.js';
import { bearerGet } from './bearer-get.js';

/** Hugging Face: whoami names the account and the token's role. */
export const huggingface = bearerGet({
  id: 'huggingface',
  provider: 'Hugging Face',
  ruleIds: ['huggingface-token', 'huggingface-org-token'],
  host: 'huggingface.co',
  path: '/api/whoami-v2',
  keyPage: 'https://huggingface.co/settings/tokens',
  read(answer) {
    if (answer.status !== 200) return undefined;
    const info = jsonOf(answer);
    const name = stringAt(info, 'name');
    const role = stringAt(info, 'auth', 'accessToken', 'role');
    const detail = [name && `account ${name}`, role && `${role} token`].filter(Boolean).join(', ');
    return { status: 'live', ...(detail ? { detail } : {}) };
  },
});
