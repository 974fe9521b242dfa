import { bearer, jsonOf, rateLimited, readStatus, stringAt } from '../answer.js';
import type { Verifier } from '../verifier.js';

/** The `error` values of auth.test that mean the token no longer works. */
const DEAD = new Set(['invalid_auth', 'token_revoked', 'token_expired', 'account_inactive', 'not_authed', 'org_login_required']);

/** Slack: auth.test, which answers 200 with `ok: true|false` and names the workspace and user. */
export const slack: Verifier = {
  id: 'slack',
  provider: 'Slack',
  ruleIds: ['slack-bot-token', 'slack-user-token'],
  host: 'slack.com',
  endpoint: 'POST https://slack.com/api/auth.test',
  keyPage: 'https://api.slack.com/apps',
  request: (credential) => ({
    method: 'POST',
    path: '/api/auth.test',
    headers: { ...bearer(credential.secret), 'content-type': 'application/x-www-form-urlencoded' },
    body: '',
  }),
  read(answer) {
    const info = answer.status === 200 ? jsonOf(answer) : null;
    if (info?.ok === true) {
      const team = stringAt(info, 'team');
      const user = stringAt(info, 'user');
      const detail = [team && `workspace ${team}`, user && `user ${user}`].filter(Boolean).join(', ');
      return { status: 'live', ...(detail ? { detail } : {}) };
    }
    const error = stringAt(info, 'error');
    if (error !== undefined && DEAD.has(error)) return { status: 'revoked', detail: `Slack says ${error}` };
    if (error === 'ratelimited') return rateLimited();
    if (error !== undefined) return { status: 'unknown', detail: `Slack says ${error.slice(0, 40)}` };
    return readStatus(answer);
  },
};
