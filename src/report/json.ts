/**
 * The machine-readable report for scripts and other tools. Its shape is a contract, versioned and
 * described by docs/json-report.schema.json: a change that breaks readers needs a new `version`.
 *
 * Every field is copied by name rather than spread, so a field added to Finding or ScanSummary
 * (say, internal state holding the raw secret) never reaches the report unnoticed. The scanned
 * root is left out: it is an absolute path that tells readers about the machine, not the code.
 */
import type { Finding } from '../finding/finding.js';
import type { ScanResult, ScanSummary } from '../scan-result.js';
import type { SkippedItem } from '../sources/source.js';
import { TOOL_NAME } from './tool.js';

export const JSON_REPORT_VERSION = '1';

export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  tool: { name: string; version: string };
  summary: JsonSummary;
  findings: JsonFinding[];
}

/**
 * The report's summary and findings have the same fields and meaning as ScanSummary and Finding
 * (see src/scan-result.ts, src/finding.ts). A field added to either type stays out of the report
 * until someone decides it belongs there: a required one stops the copies below compiling, an
 * optional one is left out. Adding it means updating docs/json-report.schema.json too.
 */
export type JsonSummary = ScanSummary;
export type JsonFinding = Finding;

export function formatJson(result: ScanResult): string {
  const report: JsonReport = {
    version: JSON_REPORT_VERSION,
    tool: { name: TOOL_NAME, version: result.toolVersion },
    summary: toJsonSummary(result.summary),
    findings: result.findings.map(toJsonFinding),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function toJsonSummary(summary: ScanSummary): JsonSummary {
  return {
    mode: summary.mode,
    findings: summary.findings,
    bySeverity: {
      critical: summary.bySeverity.critical,
      high: summary.bySeverity.high,
      medium: summary.bySeverity.medium,
      low: summary.bySeverity.low,
      info: summary.bySeverity.info,
    },
    filesScanned: summary.filesScanned,
    bytesScanned: summary.bytesScanned,
    filesSkipped: summary.filesSkipped,
    skipped: summary.skipped.map(toJsonSkippedItem),
    commitsScanned: summary.commitsScanned,
    blobsScanned: summary.blobsScanned,
    suppressed: { inline: summary.suppressed.inline, config: summary.suppressed.config, baseline: summary.suppressed.baseline },
    durationMs: summary.durationMs,
    warnings: [...summary.warnings],
    incomplete: summary.incomplete,
    unread: summary.unread.map(toJsonSkippedItem),
  };
}

function toJsonSkippedItem(item: SkippedItem): SkippedItem {
  return { path: item.path, reason: item.reason, ...(item.detail === undefined ? {} : { detail: item.detail }) };
}

function toJsonFinding(finding: Finding): JsonFinding {
  return {
    ruleId: finding.ruleId,
    ruleName: finding.ruleName,
    provider: finding.provider,
    severity: finding.severity,
    kind: finding.kind,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    secret: finding.secret,
    fingerprint: finding.fingerprint,
    message: finding.message,
    remedy: finding.remedy,
    references: [...finding.references],
    commit: finding.commit && {
      sha: finding.commit.sha,
      author: finding.commit.author,
      email: finding.commit.email,
      date: finding.commit.date,
      summary: finding.commit.summary,
    },
    clientExposure: finding.clientExposure && { reason: finding.clientExposure.reason },
    ...(finding.verification && {
      verification: {
        status: finding.verification.status,
        ...(finding.verification.detail === undefined ? {} : { detail: finding.verification.detail }),
      },
    }),
    decodedFrom: finding.decodedFrom,
  };
}
