import { nodeCrypto } from '../node-crypto.js';

export function sha256Hex(text: string): string {
  return nodeCrypto().createHash('sha256').update(text).digest('hex');
}

/**
 * A finding's identity across runs: the rule, the file and the secret, but not the line, so a
 * finding keeps its fingerprint when code above it moves. SARIF uses it for partialFingerprints,
 * baselines use it to recognise accepted findings.
 *
 * Keyed (HMAC-SHA256): a plain hash of the secret would let anyone who holds a report confirm a
 * guessed secret offline. The key is per repository (see src/pipeline/fingerprint-key.ts), so the
 * same finding keeps its fingerprint across runs, machines and clones.
 */
export function fingerprintOf(key: string, ruleId: string, path: string, secret: string): string {
  return nodeCrypto().createHmac('sha256', key).update(`${ruleId}\0${path}\0${secret}`).digest('hex').slice(0, 32);
}

/**
 * A baseline's hash of a secret (src/suppress/baseline.ts): keyed like the fingerprint, but without
 * the path, so an accepted secret is still recognised when its file is renamed.
 */
export function secretHashOf(key: string, ruleId: string, secret: string): string {
  return nodeCrypto().createHmac('sha256', key).update(`baseline\0${ruleId}\0${secret}`).digest('hex').slice(0, 32);
}
