import { jsonOf } from '../answer.js';
import { bearerGet } from './bearer-get.js';

/** OpenRouter: the current key's info, with its credit limit and what is left of it. */
export const openrouter = bearerGet({
  id: 'openrouter',
  provider: 'OpenRouter',
  ruleIds: ['openrouter-api-key'],
  host: 'openrouter.ai',
  path: '/api/v1/key',
  keyPage: 'https://openrouter.ai/settings/keys',
  read(answer) {
    if (answer.status !== 200) return undefined;
    // The answer's `label` holds part of the key, so only numbers and flags are read from it.
    const data = jsonOf(answer)?.data as Record<string, unknown> | undefined;
    if (typeof data?.limit_remaining === 'number' && data.limit_remaining <= 0) return { status: 'live', detail: 'the key works but its credit limit is used up' };
    return { status: 'live', ...(data?.is_free_tier === true ? { detail: 'free tier' } : {}) };
  },
});
