import { bearerGet } from './bearer-get.js';

/** Stability AI: the account endpoint (the answer's e-mail address is not copied into reports). */
export const stability = bearerGet({
  id: 'stability',
  provider: 'Stability AI',
  ruleIds: ['stability-api-key'],
  host: 'api.stability.ai',
  path: '/v1/user/account',
  keyPage: 'https://platform.stability.ai/account/keys',
});
