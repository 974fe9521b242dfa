import type { VerificationStatus } from './types.js';

/** The defaults of `--verify-*` flags and of the library's VerifyOptions; kept tiny, the CLI imports it. */
export const VERIFY_DEFAULTS = {
  timeoutSeconds: 10,
  concurrency: 8,
  perProvider: 2,
  budgetSeconds: 120,
  results: ['live', 'revoked', 'unknown', 'error'] as readonly VerificationStatus[],
};
