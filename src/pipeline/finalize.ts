import type { Finding } from '../finding/finding.js';
import { fingerprintOf } from '../finding/fingerprint.js';
import type { RawFinding } from '../finding/raw-finding.js';
import { redactSecret } from '../finding/redact.js';
import type { PipelineContext } from './stage.js';

/**
 * The last step: each RawFinding becomes the Finding reporters read, with its keyed fingerprint
 * and the secret redacted (unless --show-secrets). Fields are copied by name, so internal state
 * such as the raw secret or the allow comment cannot reach a report by accident.
 */
export async function finalize(findings: readonly RawFinding[], context: PipelineContext): Promise<Finding[]> {
  if (findings.length === 0) return [];
  const key = await context.fingerprintKey();
  return findings.map((raw) => ({
    ruleId: raw.ruleId,
    ruleName: raw.ruleName,
    provider: raw.provider,
    severity: raw.severity,
    kind: raw.kind,
    file: raw.file,
    line: raw.line,
    column: raw.column,
    endLine: raw.endLine,
    endColumn: raw.endColumn,
    secret: raw.rawSecret === '' || context.showSecrets || raw.showAsIs ? raw.rawSecret : redactSecret(raw.rawSecret),
    fingerprint: fingerprintOf(key, raw.ruleId, raw.file, raw.rawSecret),
    message: raw.message,
    remedy: raw.remedy,
    references: raw.references,
    commit: raw.commit,
    clientExposure: raw.clientExposure,
    ...(raw.verification ? { verification: { ...raw.verification } } : {}),
    decodedFrom: raw.decodedFrom,
  }));
}
