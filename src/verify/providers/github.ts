import { bearer, jsonOf, rateLimited, readStatus, stringAt } from '../answer.js';
import type { Verifier } from '../verifier.js';

/** GitHub: the authenticated user; classic tokens also list their scopes in a header. */
export const github: Verifier = {
  id: 'github',
  provider: 'GitHub',
  ruleIds: ['github-pat', 'github-fine-grained-pat', 'github-oauth-token', 'github-app-token'],
  host: 'api.github.com',
  endpoint: 'GET https://api.github.com/user',
  keyPage: 'https://github.com/settings/tokens',
  request: (credential) => ({
    method: 'GET',
    path: '/user',
    // GitHub refuses requests without a User-Agent.
    headers: { ...bearer(credential.secret), 'user-agent': 'keyguard', accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
  }),
  read(answer) {
    if (answer.status === 403 || answer.status === 429) {
      if (answer.headers['x-ratelimit-remaining'] === '0') return rateLimited();
      // An app installation or fine-grained token without access to the user: it authenticated.
      if (answer.status === 403) return { status: 'live', detail: 'the token works but may not read the user' };
    }
    if (answer.status !== 200) return readStatus(answer);
    const login = stringAt(jsonOf(answer), 'login');
    const scopes = answer.headers['x-oauth-scopes'];
    const detail = [login && `user ${login}`, scopes && `scopes ${scopes}`].filter(Boolean).join(', ');
    return { status: 'live', ...(detail ? { detail } : {}) };
  },
};
