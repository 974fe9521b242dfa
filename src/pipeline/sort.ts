import type { Finding } from '../finding/finding.js';

/** Reports list findings by file, then position, then rule: the order a reader walks the code in. */
export function byLocation(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
