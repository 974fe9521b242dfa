import { jsonOf } from '../answer.js';
import { bearerGet } from './bearer-get.js';

/** xAI: the key-info endpoint, which says whether the key or its team is blocked or disabled. */
export const xai = bearerGet({
  id: 'xai',
  provider: 'xAI',
  ruleIds: ['xai-api-key'],
  host: 'api.x.ai',
  path: '/v1/api-key',
  keyPage: 'https://console.x.ai/',
  read(answer) {
    // xAI answers an unknown key with 400 "Incorrect API key provided".
    if (answer.status === 400 && /incorrect api key|invalid api key/i.test(answer.body)) return { status: 'revoked', detail: 'xAI says the key is incorrect' };
    const info = answer.status === 200 ? jsonOf(answer) : null;
    if (info?.api_key_disabled === true) return { status: 'revoked', detail: 'the key is disabled' };
    if (info?.api_key_blocked === true) return { status: 'revoked', detail: 'the key is blocked' };
    if (info?.team_blocked === true) return { status: 'revoked', detail: "the key's team is blocked" };
    return undefined;
  },
});
