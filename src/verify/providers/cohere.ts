import { bearer, jsonOf, readStatus, stringAt } from '../answer.js';
import type { Verifier } from '../verifier.js';

/** Cohere: a dedicated check endpoint that answers `valid: true|false`. */
export const cohere: Verifier = {
  id: 'cohere',
  provider: 'Cohere',
  ruleIds: ['cohere-api-key'],
  host: 'api.cohere.com',
  endpoint: 'POST https://api.cohere.com/v1/check-api-key',
  keyPage: 'https://dashboard.cohere.com/api-keys',
  request: (credential) => ({ method: 'POST', path: '/v1/check-api-key', headers: { ...bearer(credential.secret), 'content-type': 'application/json' }, body: '{}' }),
  read(answer) {
    const info = answer.status === 200 ? jsonOf(answer) : null;
    if (info?.valid === false) return { status: 'revoked', detail: 'Cohere says the key is not valid' };
    if (info?.valid === true) {
      const organization = stringAt(info, 'organization_id');
      return { status: 'live', ...(organization ? { detail: `organization ${organization}` } : {}) };
    }
    return readStatus(answer);
  },
};
