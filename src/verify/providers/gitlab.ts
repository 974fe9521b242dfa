import { jsonOf, readStatus } from '../answer.js';
import type { Verifier } from '../verifier.js';

/**
 * GitLab.com: the token's own record, with its scopes. A token of a self-managed GitLab is only
 * known to that instance, whose host keyguard never takes from scanned content: gitlab.com then
 * rejects it, which the detail says.
 */
export const gitlab: Verifier = {
  id: 'gitlab',
  provider: 'GitLab',
  ruleIds: ['gitlab-token'],
  host: 'gitlab.com',
  endpoint: 'GET https://gitlab.com/api/v4/personal_access_tokens/self',
  keyPage: 'https://gitlab.com/-/user_settings/personal_access_tokens',
  request: (credential) => ({ method: 'GET', path: '/api/v4/personal_access_tokens/self', headers: { 'private-token': credential.secret } }),
  read(answer) {
    if (answer.status === 401) return { status: 'revoked', detail: 'gitlab.com rejects the token (a self-managed instance could still accept it)' };
    if (answer.status !== 200) return readStatus(answer);
    const info = jsonOf(answer);
    if (info?.revoked === true || info?.active === false) return { status: 'revoked', detail: 'the token is revoked or expired' };
    const scopes = Array.isArray(info?.scopes) ? info.scopes.filter((scope): scope is string => typeof scope === 'string') : [];
    return { status: 'live', ...(scopes.length > 0 ? { detail: `scopes ${scopes.join(', ')}` } : {}) };
  },
};
