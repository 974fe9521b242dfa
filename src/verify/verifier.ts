import type { Verification } from './types.js';

/** A key to check, with what was found next to it that the check needs. */
export interface Credential {
  ruleId: string;
  secret: string;
  /** AWS: the secret access key found in the same file as the access key id. */
  pairedSecret?: string;
  /** Azure OpenAI: the resource host found next to the key, already checked against Azure's domains. */
  endpointHost?: string;
}

/** One HTTPS request to the provider's official host; the runner adds the scheme and the host. */
export interface ProviderRequest {
  method: 'GET' | 'POST';
  /** Path and query, e.g. `/v1/models`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** What the provider answered; the body is cut at a size no verifier needs more of. */
export interface ProviderAnswer {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
}

/**
 * How to check the keys of one provider: where to ask (a fixed official host), how the key is sent,
 * and how to read the answer. `request` may instead return a Verification when the key cannot be
 * checked (an AWS key id with no secret next to it).
 */
export interface Verifier {
  /** Short name, e.g. `openai`; also the name of the per-provider concurrency limit. */
  id: string;
  /** The provider as people know it. */
  provider: string;
  /** The rules whose findings this verifier checks. */
  ruleIds: readonly string[];
  /** The official API host; for Azure OpenAI, the resource host found next to the key instead. */
  host: string | ((credential: Credential) => string | null);
  /** `GET https://api.openai.com/v1/models`: for the README and `keyguard rules --format json`. */
  endpoint: string;
  /** Where the owner rotates the key. */
  keyPage: string;
  request(credential: Credential, now: Date): ProviderRequest | Verification;
  read(answer: ProviderAnswer): Verification;
}

/** Rules whose keys no verifier checks, and why: shown in the README and `keyguard rules --format json`. */
export interface Unverifiable {
  ruleIds: readonly string[];
  reason: string;
}
