import type { Finding } from '../finding/finding.js';
import { fingerprintOf } from '../finding/fingerprint.js';
import type { RawFinding } from '../finding/raw-finding.js';
import { redactSecret } from '../finding/redact.js';
import type { PipelineContext } from './stage.js';
import { COMMIT_MESSAGE_PATH } from '../sources/chunk.js';

/**
 * The last step: each RawFinding becomes the Finding reporters read, with its keyed fingerprint
 * and the secret redacted (unless --show-secrets). Fields are copied by name, so internal state
 * such as the raw secret or the allow comment cannot reach a report by accident.
 */
export async function finalize(findings: readonly RawFinding[], context: PipelineContext): Promise<Finding[]> {
  if (findings.length === 0) return [];
  const key = await context.fingerprintKey();
  const messageSecrets = context.showSecrets ? new Map<string, string[]>() : secretsInCommitMessages(findings);
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
    commit: raw.commit && messageSecrets.has(raw.commit.sha) ? { ...raw.commit, summary: redactMessage(raw.commit.summary, messageSecrets.get(raw.commit.sha)!) } : raw.commit,
    clientExposure: raw.clientExposure,
    ...(raw.verification ? { verification: { ...raw.verification } } : {}),
    decodedFrom: raw.decodedFrom,
  }));
}

/** The secrets found in each commit's message (by sha): they are redacted wherever the commit is shown. */
function secretsInCommitMessages(findings: readonly RawFinding[]): Map<string, string[]> {
  const secrets = new Map<string, string[]>();
  for (const finding of findings) {
    if (finding.file !== COMMIT_MESSAGE_PATH || !finding.commit || finding.rawSecret === '') continue;
    secrets.set(finding.commit.sha, [...(secrets.get(finding.commit.sha) ?? []), finding.rawSecret]);
  }
  return secrets;
}

function redactMessage(summary: string, secrets: readonly string[]): string {
  return secrets.reduce((text, secret) => text.split(secret).join(redactSecret(secret)), summary);
}
