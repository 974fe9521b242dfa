import type { RawFinding } from '../finding/raw-finding.js';
import type { Verification } from './types.js';

/**
 * What to do once the provider has answered. A live key is an incident: rotate it now, at the
 * provider's key page. A revoked one is not, but the leak shows a habit that will leak the next key.
 */
export function verifiedRemedy(finding: RawFinding, verification: Verification, keyPage: string | undefined): string {
  const page = keyPage ?? finding.references[0];
  const where = page ? ` at ${page}` : '';
  if (verification.status === 'live') {
    const history = finding.commit ? ' It stays readable in every clone of this history, so deleting it from the code is not enough.' : '';
    return `This key works right now: revoke it and create a new one${where} immediately, then check the provider's usage logs for use you do not recognise.${history} Load the new key from an environment variable or a secret manager.`;
  }
  if (verification.status === 'revoked') {
    return 'The provider rejects this key, so it is dead and needs no rotation. Remove it anyway, and keep keys out of the source (environment variables, a secret manager): the next key would leak the same way.';
  }
  return finding.remedy;
}
