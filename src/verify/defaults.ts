import type { VerificationStatus, VerifyOptions } from './types.js';

/**
 * The defaults of the `--verify-*` flags and of the library's VerifyOptions. Applied by scan()
 * (resolveVerifyOptions), not by the verify code, so this small module is all a scan without
 * --verify loads of verification.
 */
export const VERIFY_DEFAULTS = {
  timeoutSeconds: 10,
  concurrency: 8,
  perProvider: 2,
  budgetSeconds: 120,
  results: ['live', 'revoked', 'unknown', 'error'] as readonly VerificationStatus[],
};

export function resolveVerifyOptions(options: VerifyOptions | true): Required<VerifyOptions> {
  const given = options === true ? {} : options;
  return {
    timeoutMs: given.timeoutMs ?? VERIFY_DEFAULTS.timeoutSeconds * 1000,
    concurrency: given.concurrency ?? VERIFY_DEFAULTS.concurrency,
    perProvider: given.perProvider ?? VERIFY_DEFAULTS.perProvider,
    budgetMs: given.budgetMs ?? VERIFY_DEFAULTS.budgetSeconds * 1000,
    results: given.results ?? VERIFY_DEFAULTS.results,
  };
}
