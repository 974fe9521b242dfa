/**
 * One line per finding, `path:line:col severity rule secret`, for terminals and CI logs: easy to
 * grep, and editors link the location. The secret is as redacted as in every other report;
 * hygiene findings, which hold none, end after the rule.
 */
import type { ScanResult } from '../scan-result.js';
import { printable } from './printable.js';

export function formatCompact(result: ScanResult): string {
  return result.findings
    .map((finding) => {
      const fields = [`${printable(finding.file)}:${finding.line}:${finding.column}`, finding.severity, printable(finding.ruleId)];
      if (finding.secret !== '') fields.push(printable(finding.secret));
      return `${fields.join(' ')}\n`;
    })
    .join('');
}
