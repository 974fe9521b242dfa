import { jsonOf, readStatus, stringAt } from '../answer.js';
import type { Verifier } from '../verifier.js';

/** Anthropic: listing models (admin keys: the organisation's users) is free and read-only. */
export const anthropic: Verifier = {
  id: 'anthropic',
  provider: 'Anthropic',
  ruleIds: ['anthropic-api-key', 'anthropic-admin-key'],
  host: 'api.anthropic.com',
  endpoint: 'GET https://api.anthropic.com/v1/models (admin keys: GET /v1/organizations/users?limit=1)',
  keyPage: 'https://console.anthropic.com/settings/keys',
  request: (credential) => ({
    method: 'GET',
    path: credential.ruleId === 'anthropic-admin-key' ? '/v1/organizations/users?limit=1' : '/v1/models',
    headers: { 'x-api-key': credential.secret, 'anthropic-version': '2023-06-01' },
  }),
  read(answer) {
    // permission_error: the key authenticated but may not use this endpoint.
    if (answer.status === 403 && stringAt(jsonOf(answer), 'error', 'type') === 'permission_error') {
      return { status: 'live', detail: 'the key works but lacks permission for this endpoint' };
    }
    return readStatus(answer);
  },
};
