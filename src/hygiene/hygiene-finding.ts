import type { CommitInfo, FindingKind } from '../finding/finding.js';
import type { RawFinding } from '../finding/raw-finding.js';
import type { RuleInfo } from '../scan-result.js';

/**
 * A finding about a whole file, so it points at line 1 and shows no secret: a hygiene finding
 * (an env file tracked by git), or a binary key file judged from its bytes (`kind: 'secret'`).
 */
export function hygieneFinding(rule: RuleInfo, file: string, message: string, remedy: string, commit: CommitInfo | null = null, kind: FindingKind = 'hygiene'): RawFinding {
  return {
    ruleId: rule.id,
    ruleName: rule.name,
    provider: rule.provider,
    severity: rule.severity,
    kind,
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
