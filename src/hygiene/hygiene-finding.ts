import type { CommitInfo } from '../finding/finding.js';
import type { RawFinding } from '../finding/raw-finding.js';
import type { RuleInfo } from '../scan-result.js';

/** A hygiene finding: about a whole file, so it points at line 1 and holds no secret. */
export function hygieneFinding(rule: RuleInfo, file: string, message: string, remedy: string, commit: CommitInfo | null = null): RawFinding {
  return {
    ruleId: rule.id,
    ruleName: rule.name,
    provider: rule.provider,
    severity: rule.severity,
    kind: 'hygiene',
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    rawSecret: '',
    showAsIs: false,
    inlineAllow: null,
    message,
    remedy,
    references: [...rule.references],
    commit,
    clientExposure: null,
    decodedFrom: null,
  };
}
