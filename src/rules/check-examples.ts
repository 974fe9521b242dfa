import { Detector } from '../detect/detector.js';
import { compileRules } from './compile.js';
import { expandTemplate } from './template.js';
import type { RuleDefinition, RuleExample, RuleWithExamples } from './types.js';

/** One example that did not do what it claims. */
export interface ExampleFailure {
  ruleId: string;
  kind: 'example' | 'negative example';
  /** 1-based, as in the file. */
  index: number;
  text: string;
}

/**
 * Runs rules' examples both ways through the full detector, with `allRules` active (so a rule that
 * yields to another rule on the same text fails, as it would in a scan): each example must produce
 * a finding of its rule, no negative example may. Examples may be templates (`{{alnum 32}}`),
 * expanded with the seeds the built-in rules' tests use, or plain text.
 */
export function checkRuleExamples(rules: readonly RuleWithExamples[], allRules: readonly RuleDefinition[]): ExampleFailure[] {
  const detector = new Detector(compileRules(allRules));
  const foundIds = (example: RuleExample, seed: string): string[] => {
    const { text, path } = typeof example === 'string' ? { text: example, path: 'example.txt' } : example;
    return detector.detect({ path, content: Buffer.from(expandTemplate(text, seed), 'utf8') }).map((finding) => finding.ruleId);
  };
  const textOf = (example: RuleExample): string => (typeof example === 'string' ? example : `${example.path}: ${example.text}`);
  const failures: ExampleFailure[] = [];
  for (const rule of rules) {
    rule.examples.forEach((example, index) => {
      if (!foundIds(example, `${rule.id}:example:${index}`).includes(rule.id)) failures.push({ ruleId: rule.id, kind: 'example', index: index + 1, text: textOf(example) });
    });
    rule.negativeExamples.forEach((example, index) => {
      if (foundIds(example, `${rule.id}:negative:${index}`).includes(rule.id)) failures.push({ ruleId: rule.id, kind: 'negative example', index: index + 1, text: textOf(example) });
    });
  }
  return failures;
}
