import { createRequire } from 'node:module';

/**
 * node:crypto is required on first use, not imported: loading it costs ~5 ms, and a pre-commit
 * hook on a clean commit (the usual case) creates no finding and needs no hash.
 */
let crypto: typeof import('node:crypto') | null = null;

export function sha256Hex(text: string): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256').update(text).digest('hex');
}

/**
 * A finding's identity across runs: the rule, the file and a hash of the secret, but not the line,
 * so a finding keeps its fingerprint when code above it moves. SARIF uses it for
 * partialFingerprints, baselines use it to recognise accepted findings.
 */
export function fingerprintOf(ruleId: string, path: string, secret: string): string {
  return sha256Hex(`${ruleId}\0${path}\0${sha256Hex(secret)}`).slice(0, 32);
}
