import { bearerGet } from './bearer-get.js';

/** SendGrid: the key's own scopes, read-only. */
export const sendgrid = bearerGet({
  id: 'sendgrid',
  provider: 'SendGrid',
  ruleIds: ['sendgrid-api-key'],
  host: 'api.sendgrid.com',
  path: '/v3/scopes',
  keyPage: 'https://app.sendgrid.com/settings/api_keys',
});
