import { bearerGet } from './bearer-get.js';

/** Together AI: the OpenAI-compatible model list. */
export const together = bearerGet({
  id: 'together',
  provider: 'Together AI',
  ruleIds: ['together-api-key', 'together-api-key-legacy'],
  host: 'api.together.xyz',
  path: '/v1/models',
  keyPage: 'https://api.together.ai/settings/api-keys',
});
