import { ConfigError } from '../config/error.js';
import { loadConfigFor } from '../config/load.js';
import { checkRuleExamples } from '../rules/check-examples.js';
import { checkRulesSafety } from '../rules/redos.js';
import { MAX_RUN_INPUT } from '../detect/detector.js';
import { loadRegistry } from '../rules/registry.js';
import { redactKeysIn } from '../detect/redact-text.js';
import { printable } from '../report/printable.js';

/**
 * `keyguard rules check [--config FILE]`: validates the config (a problem is exit 2 from the
 * loader), runs its custom rules' examples both ways, and, where recheck is installed, puts each
 * custom rule's pattern through the ReDoS check; exit 1 names each example that fails and each
 * pattern recheck shows super-linear.
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
  const vulnerable = config.rules.length === 0 ? 0 : await reportRegexSafety(config.rules);
  return failures.length === 0 && vulnerable === 0 ? 0 : 1;
}

/** Prints the ReDoS check's verdicts on the custom rules; returns how many are super-linear. */
async function reportRegexSafety(rules: Parameters<typeof checkRulesSafety>[0]): Promise<number> {
  const unsafe = await checkRulesSafety(rules);
  if (unsafe === null) {
    process.stdout.write(
      `ReDoS check skipped: recheck is not installed here (npm install --save-dev recheck, then run this again); scans still give each regex run at most ${MAX_RUN_INPUT} characters\n`,
    );
    return 0;
  }
  for (const { ruleId, verdict } of unsafe) {
    process.stdout.write(
      verdict.status === 'vulnerable'
        ? `FAIL ${printable(ruleId)}: pattern takes ${verdict.complexity} time on input such as ${printable(verdict.attack ?? '')}\n`
        : `WARN ${printable(ruleId)}: recheck could not decide whether the pattern is linear (${verdict.reason ?? 'unknown'})\n`,
    );
  }
  const vulnerable = unsafe.filter(({ verdict }) => verdict.status === 'vulnerable').length;
  process.stdout.write(`ReDoS check (recheck): ${rules.length - unsafe.length} of ${rules.length} pattern(s) linear${vulnerable > 0 ? `, ${vulnerable} super-linear` : ''}\n`);
  return vulnerable;
}
