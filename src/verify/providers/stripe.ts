import { bearer, jsonOf, readStatus } from '../answer.js';
import type { Verifier } from '../verifier.js';

/** Stripe: the balance, read-only; the answer tells live mode from test mode. */
export const stripe: Verifier = {
  id: 'stripe',
  provider: 'Stripe',
  ruleIds: ['stripe-secret-key', 'stripe-restricted-key'],
  host: 'api.stripe.com',
  endpoint: 'GET https://api.stripe.com/v1/balance',
  keyPage: 'https://dashboard.stripe.com/apikeys',
  request: (credential) => ({ method: 'GET', path: '/v1/balance', headers: bearer(credential.secret) }),
  read(answer) {
    // A restricted key without the balance permission authenticated, then was refused.
    if (answer.status === 403) return { status: 'live', detail: 'restricted key: works, but may not read the balance' };
    if (answer.status !== 200) return readStatus(answer);
    const livemode = jsonOf(answer)?.livemode;
    return { status: 'live', ...(typeof livemode === 'boolean' ? { detail: livemode ? 'live mode' : 'test mode' } : {}) };
  },
};
