import type { KeyguardConfig } from '../config/types.js';
import { ConfigError } from '../config/error.js';
import { ENV_FILE_RULES } from '../hygiene/env-files.js';
import { GCP_P12_RULE } from '../detect/key-files.js';
import { GITIGNORE_RULE } from '../hygiene/gitignore.js';
import { PUBLISHED_ENV_FILE_RULE } from '../hygiene/published-env-file.js';
import type { RuleInfo } from '../scan-result.js';
import { ruleInfo } from './compile.js';
import { loadBuiltinRules } from './load.js';
import type { RuleDefinition } from './types.js';

/** The checks that are not patterns: hygiene (files and ignore rules, src/hygiene/) and binary key files (src/detect/key-files.ts). */
export const HYGIENE_RULES: readonly RuleInfo[] = [ENV_FILE_RULES.tracked, ENV_FILE_RULES.committed, ENV_FILE_RULES.staged, PUBLISHED_ENV_FILE_RULE, GITIGNORE_RULE, GCP_P12_RULE];

/** The rules of one run, as the config shapes them. */
export interface RuleRegistry {
  /** Pattern rules to run: built-in and custom, minus the disabled ones, with configured severities. */
  definitions: RuleDefinition[];
  /** Every active rule, pattern and hygiene, for reports and `keyguard rules`. */
  rules: RuleInfo[];
}

/**
 * The one place rules come from: the built-in rules, the hygiene checks and a config's custom
 * rules, with the config's `disableRules` and `ruleSettings` (enabled, severity) applied. Path
 * scopes and allowlists act on findings, in the suppress-config pipeline stage.
 */
export async function loadRegistry(config: KeyguardConfig | null = null): Promise<RuleRegistry> {
  const builtin = await loadBuiltinRules();
  if (!config) return { definitions: builtin, rules: [...builtin.map(ruleInfo), ...HYGIENE_RULES] };

  const known = new Set([...builtin.map((rule) => rule.id), ...HYGIENE_RULES.map((rule) => rule.id)]);
  config.rules.forEach((rule, index) => {
    if (known.has(rule.id)) throw new ConfigError(`${config.file}: rules[${index}].id: "${rule.id}" is already a rule; choose another id`);
    known.add(rule.id);
  });
  for (const id of config.ruleSettings.keys()) {
    if (!known.has(id)) throw new ConfigError(`${config.file}: ruleSettings.${id} / disableRules: no rule has the id "${id}" (see keyguard rules)`);
  }
  const customRules = config.rules.map(({ examples, negativeExamples, ...rule }) => rule);
  const shaped = <T extends { id: string; severity: RuleInfo['severity'] }>(rules: readonly T[]): T[] =>
    rules
      .filter((rule) => config.ruleSettings.get(rule.id)?.enabled !== false)
      .map((rule) => {
        const severity = config.ruleSettings.get(rule.id)?.severity;
        return severity ? { ...rule, severity } : rule;
      });
  const definitions = shaped([...builtin, ...customRules]);
  return { definitions, rules: [...definitions.map(ruleInfo), ...shaped(HYGIENE_RULES)] };
}
