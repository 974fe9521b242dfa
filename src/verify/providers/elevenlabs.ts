import { jsonOf, readStatus, stringAt } from '../answer.js';
import type { Verifier } from '../verifier.js';

/** ElevenLabs: the user endpoint, with the subscription's character count and limit. */
export const elevenlabs: Verifier = {
  id: 'elevenlabs',
  provider: 'ElevenLabs',
  ruleIds: ['elevenlabs-api-key', 'elevenlabs-api-key-legacy'],
  host: 'api.elevenlabs.io',
  endpoint: 'GET https://api.elevenlabs.io/v1/user',
  keyPage: 'https://elevenlabs.io/app/settings/api-keys',
  request: (credential) => ({ method: 'GET', path: '/v1/user', headers: { 'xi-api-key': credential.secret } }),
  read(answer) {
    const info = jsonOf(answer);
    // A key restricted to other endpoints says so instead of reading the user.
    if (answer.status === 401 && stringAt(info, 'detail', 'status') === 'missing_permissions') {
      return { status: 'live', detail: 'restricted key: works, but may not read the user' };
    }
    if (answer.status !== 200) return readStatus(answer);
    const subscription = info?.subscription as Record<string, unknown> | undefined;
    const used = subscription?.character_count;
    const limit = subscription?.character_limit;
    if (typeof used === 'number' && typeof limit === 'number' && used >= limit) return { status: 'live', detail: 'the key works but its character quota is used up' };
    return { status: 'live' };
  },
};
