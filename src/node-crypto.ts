import { createRequire } from 'node:module';

/**
 * node:crypto, required on first use rather than imported: loading it costs ~5 ms, and a
 * pre-commit hook on a clean commit (the usual case) hashes nothing. Modules on that path that
 * hash only sometimes (a finding's fingerprint, a rule example's template, --output's temp name)
 * ask for it here.
 */
let crypto: typeof import('node:crypto') | null = null;

export function nodeCrypto(): typeof import('node:crypto') {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto;
}
