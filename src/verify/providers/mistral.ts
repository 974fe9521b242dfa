import { bearerGet } from './bearer-get.js';

/** Mistral AI: the model list. */
export const mistral = bearerGet({
  id: 'mistral',
  provider: 'Mistral AI',
  ruleIds: ['mistral-api-key'],
  host: 'api.mistral.ai',
  path: '/v1/models',
  keyPage: 'https://console.mistral.ai/api-keys',
});
