import { quotaExhausted, readStatus } from '../answer.js';
import type { Verifier } from '../verifier.js';

/**
 * Google API keys, asked through the Gemini API's model list. A key restricted to other APIs, to
 * some referrers or addresses, or whose project has not enabled the Gemini API still exists and
 * works somewhere: Google names the reason in the answer.
 */
const RESTRICTED = /API_KEY_SERVICE_BLOCKED|API_KEY_HTTP_REFERRER_BLOCKED|API_KEY_IP_ADDRESS_BLOCKED|API_KEY_ANDROID_APP_BLOCKED|API_KEY_IOS_APP_BLOCKED|SERVICE_DISABLED/;

export const google: Verifier = {
  id: 'google',
  provider: 'Google (Gemini)',
  ruleIds: ['google-api-key', 'google-api-key-aq'],
  host: 'generativelanguage.googleapis.com',
  endpoint: 'GET https://generativelanguage.googleapis.com/v1beta/models?pageSize=1',
  keyPage: 'https://console.cloud.google.com/apis/credentials',
  request: (credential) => ({ method: 'GET', path: '/v1beta/models?pageSize=1', headers: { 'x-goog-api-key': credential.secret } }),
  read(answer) {
    if (answer.status === 400 && /API_KEY_INVALID|API key not valid/.test(answer.body)) return { status: 'revoked', detail: 'Google says the API key is not valid' };
    if (answer.status === 403 && RESTRICTED.test(answer.body)) {
      const reason = RESTRICTED.exec(answer.body)?.[0] ?? '';
      return { status: 'live', detail: `the key exists but cannot call the Gemini API (${reason})` };
    }
    if (answer.status === 429 && /quota/i.test(answer.body)) return quotaExhausted();
    return readStatus(answer);
  },
};
