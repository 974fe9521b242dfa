/**
 * Verification: asking a key's own provider whether the key still works (`keyguard scan --verify`).
 * Types only, so that modules outside src/verify/ can name them without loading any verify code.
 */

/**
 * `live`: the provider accepted the key. `revoked`: the provider says the key is invalid or
 * disabled. `unknown`: no verifier, or an answer that proves nothing (rate limited, a redirect, an
 * unexpected status). `error`: no answer (network, timeout, 5xx, the time budget ran out).
 */
export const VERIFICATION_STATUSES = ['live', 'revoked', 'unknown', 'error'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export interface Verification {
  status: VerificationStatus;
  /** A short note from the provider's answer (`quota exhausted`, the account, the scopes); never the key. */
  detail?: string;
}

/** What a scan with verification may be told; every field has a default (src/verify/defaults.ts). */
export interface VerifyOptions {
  /** Milliseconds one request may take. */
  timeoutMs?: number;
  /** Requests in flight at once, over all providers. */
  concurrency?: number;
  /** Requests in flight at once to one provider. */
  perProvider?: number;
  /** Milliseconds all verification may take; keys not checked by then are `error`. */
  budgetMs?: number;
  /** Which statuses to report (TruffleHog's `--results`); findings without a secret are always reported. */
  results?: readonly VerificationStatus[];
}
