import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import type { RuleDefinition, RuleWithExamples } from './types.js';
import { assertNoKeyShapedExamples, assertUniqueIds, RuleError, validateRuleFile } from './validate.js';

export const BUILTIN_RULES_DIR = join(PACKAGE_ROOT, 'rules');
/** Written by scripts/build-rules.js: the validated rules as JSON, so a run needs no YAML parser. */
export const BUILTIN_RULES_SNAPSHOT = join(PACKAGE_ROOT, 'dist', 'rules.json');

/** Parses and validates every *.yaml / *.yml file in `dir`, in file-name order. */
export async function loadRuleDirectory(dir: string): Promise<RuleWithExamples[]> {
  let files: string[];
  try {
    files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch (error) {
    throw new RuleError(`cannot read rules folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (files.length === 0) throw new RuleError(`no rule files (*.yaml) in ${dir}`);
  const { parse } = await import('yaml');
  const loaded: Array<{ file: string; rules: RuleWithExamples[] }> = [];
  for (const name of files) {
    const file = join(dir, name);
    let parsed: unknown;
    try {
      parsed = parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new RuleError(`${file}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
    }
    loaded.push({ file, rules: validateRuleFile(parsed, file) });
  }
  const rules = loaded.flatMap((entry) => entry.rules);
  assertUniqueIds(rules);
  assertNoKeyShapedExamples(loaded);
  const { withDerivedFacts } = await import('./derived-facts.js');
  return rules.map(withDerivedFacts);
}

/**
 * The built-in rules. The built package reads the JSON snapshot made at build time (fast start-up
 * for the pre-commit hook; the package ships the snapshot, without examples, and not rules/);
 * running from source (tests) parses the YAML directly so an edited rule is never shadowed by a
 * stale snapshot.
 */
export async function loadBuiltinRules(): Promise<RuleDefinition[]> {
  const runningFromBuild = import.meta.url.includes('/dist/');
  if (runningFromBuild && existsSync(BUILTIN_RULES_SNAPSHOT)) {
    return JSON.parse(readFileSync(BUILTIN_RULES_SNAPSHOT, 'utf8')) as RuleDefinition[];
  }
  return loadRuleDirectory(BUILTIN_RULES_DIR);
}
