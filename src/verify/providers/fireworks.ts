import { bearerGet } from './bearer-get.js';

/** Fireworks AI: the OpenAI-compatible model list. */
export const fireworks = bearerGet({
  id: 'fireworks',
  provider: 'Fireworks AI',
  ruleIds: ['fireworks-api-key'],
  host: 'api.fireworks.ai',
  path: '/inference/v1/models',
  keyPage: 'https://fireworks.ai/account/api-keys',
});
