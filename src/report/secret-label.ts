import type { RuleInfo } from '../scan-result.js';

/**
 * What to call the text a finding shows: `secret` for a key, `value` for what a generic rule found
 * by its name (it may turn out not to be a secret), `match` for risky code, which holds no secret.
 */
export type SecretLabel = 'secret' | 'value' | 'match';

export function secretLabels(rules: readonly RuleInfo[]): (ruleId: string) => SecretLabel {
  const labels = new Map<string, SecretLabel>(
    rules.map((rule) => [rule.id, rule.category === 'risky-code' ? 'match' : rule.generic ? 'value' : 'secret']),
  );
  return (ruleId) => labels.get(ruleId) ?? 'secret';
}
