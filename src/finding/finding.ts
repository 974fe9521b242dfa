/**
 * The one type every reporter reads. The detector and the hygiene checks produce RawFindings
 * (raw-finding.ts); the pipeline in scan() suppresses, verifies and finally turns them into
 * Findings, redacting the secret last (src/pipeline/finalize.ts), so no reporter can leak by mistake.
 */

import type { Verification } from '../verify/types.js';

export type { Verification, VerificationStatus } from '../verify/types.js';

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/** Where the content of a finding came from in git, when it came from git. */
export interface CommitInfo {
  sha: string;
  author: string;
  email: string;
  /** ISO 8601 author date. */
  date: string;
  /** First line of the commit message. */
  summary: string;
}

/** Why a finding is worse than usual: the secret ships to end users. */
export interface ClientExposure {
  /** One line for people, e.g. "NEXT_PUBLIC_ variables are inlined into the browser bundle". */
  reason: string;
}

export type FindingKind = 'secret' | 'hygiene';

export interface Finding {
  ruleId: string;
  ruleName: string;
  provider: string;
  severity: Severity;
  kind: FindingKind;
  /** Path relative to the scanned root, forward slashes. */
  file: string;
  /** 1-based; columns count UTF-16 code units of the decoded line, as SARIF expects by default. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Redacted unless --show-secrets; empty for hygiene findings that have no secret. */
  secret: string;
  /** Stable across runs and line moves: rule + path + keyed hash of the secret (see fingerprint.ts). */
  fingerprint: string;
  /** One sentence: what was found. */
  message: string;
  /** One or two sentences: what to do about it. */
  remedy: string;
  /** Provider pages for rotating or managing the key. */
  references: string[];
  commit: CommitInfo | null;
  clientExposure: ClientExposure | null;
  /** What the key's provider said about it; present only when the scan verified (`--verify`) a finding that holds a key. */
  verification?: Verification;
  /**
   * The encodings the secret was read through, outermost first and joined by ' → ' (`base64`,
   * `json-escape`, `url-encoding`, `base64 → base64`); null when it is written in plain text.
   * The location is that of the encoded text.
   */
  decodedFrom: string | null;
}
