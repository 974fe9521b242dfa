// Validates rules/*.yaml and writes dist/rules.json, the snapshot the CLI loads at run time.
// Runs after tsc (it uses the compiled loader), so a broken rule fails `npm install` and `npm test` loudly.
// The snapshot leaves out the examples: the runtime never reads them, and the package ships none.
// It also writes dist/keyword-table.bin, the prefilter's keyword automaton for these rules, which a
// run loads instead of building (src/detect/keyword-table.ts).
import { writeFileSync } from 'node:fs';
import { BUILTIN_RULES_DIR, BUILTIN_RULES_SNAPSHOT, loadRuleDirectory } from '../dist/rules/load.js';
import { compileRules } from '../dist/rules/compile.js';
import { DECODING_MARKERS } from '../dist/detect/decode/index.js';
import { Prefilter } from '../dist/detect/prefilter.js';
import { KEYWORD_TABLE_FILE, keywordTable, writeKeywordTable } from '../dist/detect/keyword-table.js';

try {
  const rules = await loadRuleDirectory(BUILTIN_RULES_DIR);
  const compiled = compileRules(rules); // proves every pattern compiles with the flags the detector uses
  writeFileSync(BUILTIN_RULES_SNAPSHOT, JSON.stringify(rules.map(({ examples, negativeExamples, ...rule }) => rule)));
  // The keywords exactly as the detector's prefilter lists them (its decoding markers included).
  writeKeywordTable(KEYWORD_TABLE_FILE, keywordTable(new Prefilter(compiled, DECODING_MARKERS, null).keywords));
  console.log(`keyguard: ${rules.length} rules validated -> dist/rules.json`);
} catch (error) {
  console.error(`keyguard: ${error.message}`);
  process.exit(1);
}
