import { jsonOf } from '../answer.js';
import { bearerGet } from './bearer-get.js';

/** DeepSeek: the balance endpoint, which also tells whether the key can still spend. */
export const deepseek = bearerGet({
  id: 'deepseek',
  provider: 'DeepSeek',
  ruleIds: ['deepseek-api-key'],
  host: 'api.deepseek.com',
  path: '/user/balance',
  keyPage: 'https://platform.deepseek.com/api_keys',
  read(answer) {
    if (answer.status === 200 && jsonOf(answer)?.is_available === false) return { status: 'live', detail: 'the key works but the balance is exhausted' };
    return undefined;
  },
});
