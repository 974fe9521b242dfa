import { describe, expect, it } from 'vitest';
import { Detector } from '../../src/detect/detector.js';
import { compileRules } from '../../src/rules/compile.js';
import { loadBuiltinRules } from '../../src/rules/load.js';
import type { RuleExample } from '../../src/rules/types.js';
import { randomFrom } from '../helpers/fake-keys.js';

/**
 * Every rule proves itself both ways through the full detector (prefilter, pattern, entropy,
 * context, filters, overlap resolution): each example must produce a finding of that rule and no
 * negative example may. A rule change can therefore never silently lose a format or gain a false
 * positive that its author already knew about.
 */
const definitions = await loadBuiltinRules();
const compiled = compileRules(definitions);
const detector = new Detector(compiled);

/**
 * The same rules with name anchoring switched off: their regexes scan every position around the
 * keywords. Anchoring is only a shortcut, so both detectors must find exactly the same.
 */
const scanningDetector = new Detector(
  compiled.map((rule) =>
    rule.anchoredAtName ? { ...rule, anchoredAtName: false, regex: new RegExp(rule.definition.pattern, `gd${rule.definition.flags ?? ''}`) } : rule,
  ),
);

function findingsOf(target: Detector, text: string, path: string): string[] {
  return target.detect({ path, content: Buffer.from(text, 'utf8') }).map((f) => `${f.ruleId} ${f.line}:${f.column} ${f.rawSecret}`);
}

function ruleIdsFound(example: RuleExample): string[] {
  const { text, path } = typeof example === 'string' ? { text: example, path: 'example.txt' } : example;
  return detector.detect({ path, content: Buffer.from(text, 'utf8') }).map((finding) => finding.ruleId);
}

function label(example: RuleExample): string {
  const text = typeof example === 'string' ? example : `${example.path}: ${example.text}`;
  return text.length > 90 ? `${text.slice(0, 90)}…` : text;
}

/** A fresh key-like value (built at run time, so the repository passes its own scan). */
const value = (): string => randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 24);

/**
 * Texts where a shortcut could go wrong: names inside values and inside other names, keywords on
 * long minified lines, several assignments on one line, names split across a YAML structure.
 */
const ANCHORING_CASES = [
  `a={apiKey:"${value()}",token:"${value()}",x:"secret_token = \\"${value()}\\""}`,
  `const authToken = "${value()}"; const secretKey = "${value()}", password="${value()}";`,
  `my.service-api_key: "${value()}"\nDB_PASSWORD=${value()}\nkeykeykey token_token_secret = "${value()}"`,
  `${'x'.repeat(5000)} clientSecret:"${value()}" ${'y'.repeat(5000)} apikey = '${value()}'`,
  `settings:\n  name: GITHUB_TOKEN\n  value: "${value()}"\n  pwd: "${value()}"`,
];

describe('name anchoring', () => {
  it.each(ANCHORING_CASES.map((text, index) => [index + 1, text]))('finds the same as a full scan, case %i', (_, text) => {
    const found = findingsOf(detector, text as string, 'src/settings.js');
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(findingsOf(scanningDetector, text as string, 'src/settings.js'));
  });

  it('is used by the generic assignment rules', () => {
    expect(compiled.filter((rule) => rule.anchoredAtName).map((rule) => rule.definition.id)).toEqual(
      expect.arrayContaining(['generic-secret-assignment', 'generic-password']),
    );
  });
});

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
      if (rule.anchor === 'name') {
        it('finds the same with and without name anchoring', () => {
          for (const example of [...rule.examples, ...rule.negativeExamples]) {
            const { text, path } = typeof example === 'string' ? { text: example, path: 'example.txt' } : example;
            expect(findingsOf(detector, text, path)).toEqual(findingsOf(scanningDetector, text, path));
          }
        });
      }
    });
  }
});
