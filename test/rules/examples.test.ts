import { describe, expect, it } from 'vitest';
import { Detector } from '../../src/detect/detector.js';
import { compileRules } from '../../src/rules/compile.js';
import { loadBuiltinRules } from '../../src/rules/load.js';
import type { RuleExample } from '../../src/rules/types.js';

/**
 * Every rule proves itself both ways through the full detector (prefilter, pattern, entropy,
 * context, filters, overlap resolution): each example must produce a finding of that rule and no
 * negative example may. A rule change can therefore never silently lose a format or gain a false
 * positive that its author already knew about.
 */
const definitions = await loadBuiltinRules();
const detector = new Detector(compileRules(definitions), { showSecrets: true });

function ruleIdsFound(example: RuleExample): string[] {
  const { text, path } = typeof example === 'string' ? { text: example, path: 'example.txt' } : example;
  return detector.detect({ path, content: Buffer.from(text, 'utf8') }).map((finding) => finding.ruleId);
}

function label(example: RuleExample): string {
  const text = typeof example === 'string' ? example : `${example.path}: ${example.text}`;
  return text.length > 90 ? `${text.slice(0, 90)}…` : text;
}

describe('rule examples', () => {
  it('loads a healthy rule set', () => {
    expect(definitions.length).toBeGreaterThan(20);
  });

  for (const rule of definitions) {
    describe(rule.id, () => {
      it('has examples both ways', () => {
        expect(rule.examples.length).toBeGreaterThan(0);
        expect(rule.negativeExamples.length).toBeGreaterThan(0);
      });
      for (const [index, example] of rule.examples.entries()) {
        it(`matches example ${index + 1}: ${label(example)}`, () => {
          expect(ruleIdsFound(example)).toContain(rule.id);
        });
      }
      for (const [index, example] of rule.negativeExamples.entries()) {
        it(`ignores negative example ${index + 1}: ${label(example)}`, () => {
          expect(ruleIdsFound(example)).not.toContain(rule.id);
        });
      }
    });
  }
});
