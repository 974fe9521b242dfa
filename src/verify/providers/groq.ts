import { bearerGet } from './bearer-get.js';

/** Groq: the OpenAI-compatible model list. */
export const groq = bearerGet({
  id: 'groq',
  provider: 'Groq',
  ruleIds: ['groq-api-key'],
  host: 'api.groq.com',
  path: '/openai/v1/models',
  keyPage: 'https://console.groq.com/keys',
});
