import { jsonOf, quotaExhausted, readStatus, stringAt } from '../answer.js';
import type { Verifier } from '../verifier.js';

/**
 * OpenAI: listing models is free and read-only. Admin keys cannot list models; they list the
 * organisation's users instead (one row). The `openai-organization` header names the organisation.
 */
export const openai: Verifier = {
  id: 'openai',
  provider: 'OpenAI',
  ruleIds: ['openai-project-key', 'openai-service-account-key', 'openai-user-key', 'openai-legacy-key', 'openai-legacy-key-unmarked', 'openai-admin-key'],
  host: 'api.openai.com',
  endpoint: 'GET https://api.openai.com/v1/models (admin keys: GET /v1/organization/users?limit=1)',
  keyPage: 'https://platform.openai.com/api-keys',
  request: (credential) => ({
    method: 'GET',
    path: credential.ruleId === 'openai-admin-key' ? '/v1/organization/users?limit=1' : '/v1/models',
    headers: { authorization: `Bearer ${credential.secret}` },
  }),
  read(answer) {
    const code = stringAt(jsonOf(answer), 'error', 'code');
    const message = stringAt(jsonOf(answer), 'error', 'message') ?? '';
    if (answer.status === 429 && code === 'insufficient_quota') return quotaExhausted();
    // Restricted keys without the "models: read" permission get a 401 that names the missing scope.
    if (answer.status === 401 && /missing scopes|insufficient permissions/i.test(message)) {
      return { status: 'live', detail: 'restricted key: works, but may not list models' };
    }
    if (answer.status === 401 && code === 'account_deactivated') return { status: 'revoked', detail: 'the account is deactivated' };
    const organization = answer.headers['openai-organization'];
    return readStatus(answer, organization ? `organization ${organization}` : undefined);
  },
};
