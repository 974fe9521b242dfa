// Validates rules/*.yaml and writes dist/rules.json, the snapshot the CLI loads at run time.
// Runs after tsc (it uses the compiled loader), so a broken rule fails `npm install` and `npm test` loudly.
// The snapshot leaves out the examples: the runtime never reads them, and the package ships none.
import { writeFileSync } from 'node:fs';
import { BUILTIN_RULES_DIR, BUILTIN_RULES_SNAPSHOT, loadRuleDirectory } from '../dist/rules/load.js';
import { compileRules } from '../dist/rules/compile.js';

try {
  const rules = await loadRuleDirectory(BUILTIN_RULES_DIR);
  compileRules(rules); // proves every pattern compiles with the flags the detector uses
  writeFileSync(BUILTIN_RULES_SNAPSHOT, JSON.stringify(rules.map(({ examples, negativeExamples, ...rule }) => rule)));
  console.log(`keyguard: ${rules.length} rules validated -> dist/rules.json`);
} catch (error) {
  console.error(`keyguard: ${error.message}`);
  process.exit(1);
}
