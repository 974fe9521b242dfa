import { bearer, readStatus } from '../answer.js';
import type { ProviderAnswer, Verifier } from '../verifier.js';
import type { Verification } from '../types.js';

type BearerGet = Pick<Verifier, 'id' | 'provider' | 'ruleIds' | 'keyPage'> & {
  host: string;
  path: string;
  /** Reads the provider's answer more precisely than readStatus; returns undefined to fall back to it. */
  read?: (answer: ProviderAnswer) => Verification | undefined;
};

/**
 * The common shape: `GET https://<host><path>` with the key as a bearer token, where 2xx means the
 * key works and 401 that it does not (OpenAI-compatible model lists and most account endpoints).
 */
export function bearerGet(spec: BearerGet): Verifier {
  return {
    id: spec.id,
    provider: spec.provider,
    ruleIds: spec.ruleIds,
    host: spec.host,
    endpoint: `GET https://${spec.host}${spec.path}`,
    keyPage: spec.keyPage,
    request: (credential) => ({ method: 'GET', path: spec.path, headers: bearer(credential.secret) }),
    read: (answer) => spec.read?.(answer) ?? readStatus(answer),
  };
}
