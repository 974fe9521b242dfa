import { ConfigError } from '../config/error.js';
import { loadConfigFor } from '../config/load.js';
import { checkRuleExamples } from '../rules/check-examples.js';
import { loadRegistry } from '../rules/registry.js';
import { redactKeysIn } from '../detect/redact-text.js';
import { printable } from '../report/printable.js';

/**
 * `keyguard rules check [--config FILE]`: validates the config (a problem is exit 2 from the
 * loader) and runs its custom rules' examples both ways; exit 1 names each example that fails.
 */
export async function runRulesCheckCommand(configFile: string | undefined): Promise<number> {
  const config = await loadConfigFor(process.cwd(), configFile);
  if (!config) throw new ConfigError('no config file here (keyguard.config.json, .keyguardrc.json or .keyguardrc.yaml); name one with --config FILE');
  const registry = await loadRegistry(config);
  const failures = checkRuleExamples(config.rules, registry.definitions);
  for (const failure of failures) {
    const expected = failure.kind === 'example' ? 'finds nothing of the rule' : 'is reported by the rule';
    // An example is key-shaped on purpose; a whole one in a CI log would be a leak if it were real.
    process.stdout.write(`FAIL ${failure.ruleId}: ${failure.kind} ${failure.index} ${expected}: ${printable(await redactKeysIn(failure.text))}\n`);
  }
  const examples = config.rules.reduce((sum, rule) => sum + rule.examples.length + rule.negativeExamples.length, 0);
  process.stdout.write(`${printable(config.file)}: ${config.rules.length} custom rule(s), ${examples} example(s), ${failures.length === 0 ? 'all pass' : `${failures.length} failed`}\n`);
  return failures.length === 0 ? 0 : 1;
}
