import type { RawFinding } from '../finding/raw-finding.js';
import { azureEndpointNear } from './azure-endpoint.js';
import type { Credential } from './verifier.js';

/** Findings that hold a credential to ask about: not hygiene, not risky code. */
export function holdsCredential(finding: RawFinding): boolean {
  return finding.kind === 'secret' && !finding.showAsIs && finding.rawSecret !== '';
}

const AWS_COUNTERPART: Record<string, string> = { 'aws-access-key-id': 'aws-secret-access-key', 'aws-secret-access-key': 'aws-access-key-id' };

/** Same file, same commit (or both outside git). */
function sameSource(a: RawFinding, b: RawFinding): boolean {
  return a.file === b.file && (a.commit?.sha ?? '') === (b.commit?.sha ?? '');
}

/**
 * The credential to check for a finding. An AWS key takes both halves, so an access key id is paired
 * with the nearest secret access key found in the same file (and the other way round). An Azure key
 * takes the resource endpoint nearest to it, when `readSource` can give the file's text.
 */
export async function credentialFor(
  finding: RawFinding,
  all: readonly RawFinding[],
  readSource: (finding: RawFinding) => Promise<string | null>,
): Promise<Credential> {
  const credential: Credential = { ruleId: finding.ruleId, secret: finding.rawSecret };
  const counterpartRule = AWS_COUNTERPART[finding.ruleId];
  if (counterpartRule !== undefined) {
    const nearest = all
      .filter((other) => other.ruleId === counterpartRule && sameSource(other, finding))
      .sort((a, b) => Math.abs(a.line - finding.line) - Math.abs(b.line - finding.line))[0];
    if (nearest) credential.pairedSecret = nearest.rawSecret;
  }
  if (finding.ruleId.startsWith('azure-')) {
    const text = await readSource(finding);
    const host = text === null ? undefined : azureEndpointNear(text, finding.line);
    if (host !== undefined) credential.endpointHost = host;
  }
  return credential;
}

/** Two findings with the same identity are one request: each distinct key is asked about once per run. */
export function identityOf(verifierId: string, credential: Credential): string {
  // An AWS pair is one request whichever half's finding asks: the halves are sorted.
  const secrets = [credential.secret, credential.pairedSecret ?? ''].sort();
  return [verifierId, ...secrets, credential.endpointHost ?? ''].join('\0');
}
