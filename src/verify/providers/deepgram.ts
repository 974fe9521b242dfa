import { readStatus } from '../answer.js';
import type { Verifier } from '../verifier.js';

/** Deepgram: the key's projects; the key goes in a `Token` authorization header. */
export const deepgram: Verifier = {
  id: 'deepgram',
  provider: 'Deepgram',
  ruleIds: ['deepgram-api-key'],
  host: 'api.deepgram.com',
  endpoint: 'GET https://api.deepgram.com/v1/projects',
  keyPage: 'https://console.deepgram.com/',
  request: (credential) => ({ method: 'GET', path: '/v1/projects', headers: { authorization: `Token ${credential.secret}` } }),
  read(answer) {
    if (answer.status === 403) return { status: 'live', detail: 'the key works but may not list projects' };
    return readStatus(answer);
  },
};
