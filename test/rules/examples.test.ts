import { describe, expect, it } from 'vitest';
import { Detector } from '../../src/detect/detector.js';
import { compileRules } from '../../src/rules/compile.js';
import { BUILTIN_RULES_DIR, loadRuleDirectory } from '../../src/rules/load.js';
import { expandTemplate, hasValidChecksum } from '../../src/rules/template.js';
import type { RuleExample } from '../../src/rules/types.js';
import { randomFrom } from '../helpers/fake-keys.js';

/**
 * Every rule proves itself both ways through the full detector (prefilter, pattern, entropy,
 * context, filters, overlap resolution): each example must produce a finding of that rule and no
 * negative example may. A rule change can therefore never silently lose a format or gain a false
 * positive that its author already knew about. Examples are templates (no key-shaped literal in
 * the repository); they are expanded here with a seed per example, so each run tests the same text.
 */
const definitions = await loadRuleDirectory(BUILTIN_RULES_DIR);
const compiled = compileRules(definitions);
const detector = new Detector(compiled);

/**
 * The same rules with anchoring (at names, at keywords) switched off: their regexes scan every
 * position around the keywords. Anchoring is only a shortcut, so both detectors must find exactly
 * the same.
 */
const scanningDetector = new Detector(
  compiled.map((rule) =>
    rule.anchoredAtName || rule.anchoredAtKeyword
      ? { ...rule, anchoredAtName: false, anchoredAtKeyword: false, regex: new RegExp(rule.definition.pattern, `gd${rule.definition.flags ?? ''}`) }
      : rule,
  ),
);

function findingsOf(target: Detector, text: string, path: string): string[] {
  return target.detect({ path, content: Buffer.from(text, 'utf8') }).map((f) => `${f.ruleId} ${f.line}:${f.column} ${f.rawSecret}`);
}

/** The example with its template expanded; the seed is stable and unique per rule, list and index. */
function expand(example: RuleExample, seed: string): { text: string; path: string } {
  const { text, path } = typeof example === 'string' ? { text: example, path: 'example.txt' } : example;
  return { text: expandTemplate(text, seed), path };
}

function ruleIdsFound({ text, path }: { text: string; path: string }): string[] {
  return detector.detect({ path, content: Buffer.from(text, 'utf8') }).map((finding) => finding.ruleId);
}

/** What each `{{checksummed PREFIX}}` of a template expanded to, found by its prefix. */
function checksummedTokens(template: string, expanded: string): string[] {
  const prefixes = [...template.matchAll(/\{\{\s*checksummed\s+(\S+)\s*\}\}/g)].map((match) => match[1]!);
  return prefixes.flatMap((prefix) => [...expanded.matchAll(new RegExp(`${prefix}[A-Za-z0-9]{36}`, 'g'))].map((match) => match[0]));
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
      const pattern = new RegExp(rule.pattern, rule.flags ?? '');
      for (const [index, example] of rule.examples.entries()) {
        it(`matches example ${index + 1}: ${label(example)}`, () => {
          const expanded = expand(example, `${rule.id}:example:${index}`);
          expect(pattern.test(expanded.text), 'the expansion matches the rule\'s own pattern').toBe(true);
          for (const token of checksummedTokens(typeof example === 'string' ? example : example.text, expanded.text)) {
            expect(hasValidChecksum(token), `${token} carries a valid checksum`).toBe(true);
          }
          expect(ruleIdsFound(expanded)).toContain(rule.id);
        });
      }
      for (const [index, example] of rule.negativeExamples.entries()) {
        it(`ignores negative example ${index + 1}: ${label(example)}`, () => {
          expect(ruleIdsFound(expand(example, `${rule.id}:negative:${index}`))).not.toContain(rule.id);
        });
      }
      if (rule.anchor === 'name' || rule.keywordAnchored) {
        it(`finds the same with and without anchoring at ${rule.anchor === 'name' ? 'names' : 'keywords'}`, () => {
          const expanded = [
            ...rule.examples.map((example, index) => expand(example, `${rule.id}:example:${index}`)),
            ...rule.negativeExamples.map((example, index) => expand(example, `${rule.id}:negative:${index}`)),
          ];
          for (const { text, path } of expanded) {
            expect(findingsOf(detector, text, path)).toEqual(findingsOf(scanningDetector, text, path));
          }
        });
      }
    });
  }
});
