import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Detector } from '../../src/detect/detector.js';
import { compileRules } from '../../src/rules/compile.js';
import { startsWithKeyword } from '../../src/rules/keyword-anchor.js';
import { BUILTIN_RULES_DIR, loadRuleDirectory } from '../../src/rules/load.js';
import { expandTemplate } from '../../src/rules/template.js';
import type { RuleExample } from '../../src/rules/types.js';

const rules = await loadRuleDirectory(BUILTIN_RULES_DIR);

describe('startsWithKeyword', () => {
  it('reads the literal start of every path, behind zero-width assertions, in any case', () => {
    expect(startsWithKeyword('(?<![A-Za-z0-9])(sk-ant-[a-z]{10})', ['sk-ant-'])).toBe(true);
    expect(startsWithKeyword('(?=EAA)(?:(?<![A-Za-z0-9_-])|(?<=\\\\[nrt]))(EAA[A-Za-z0-9]{100})', ['eaa'])).toBe(true);
    expect(startsWithKeyword('\\b((?:AKIA|ASIA)[A-Z2-7]{16})', ['akia', 'asia'])).toBe(true);
    expect(startsWithKeyword('([Aa]pi_[0-9]{8})', ['API_'])).toBe(true);
    expect(startsWithKeyword('(ghp_[A-Za-z0-9]{36})', ['gh'])).toBe(true);
    // A class of a few characters is one path per character.
    expect(startsWithKeyword('(xox[bp]-[0-9]{10})', ['xoxb', 'xoxp'])).toBe(true);
    expect(startsWithKeyword('(gh[pousr]_[A-Za-z0-9]{36})', ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'])).toBe(true);
  });

  it('is false when some path starts otherwise', () => {
    expect(startsWithKeyword('((?:AKIA|ABCD)[A-Z2-7]{16})', ['akia'])).toBe(false);
    expect(startsWithKeyword('([A-Z]KIA[0-9]{4})', ['akia'])).toBe(false);
    expect(startsWithKeyword('(?:key|token)[=:]([a-z0-9]{32})', ['key'])).toBe(false);
    expect(startsWithKeyword('x?(sk-[a-z]{20})', ['sk-'])).toBe(false);
    expect(startsWithKeyword('(xox[bp]-[0-9]{10})', ['xoxb'])).toBe(false);
    expect(startsWithKeyword('(sk[0-9a-z]-[0-9]{10})', ['sk1-'])).toBe(false);
    expect(startsWithKeyword('([a-f0-9]{32})', ['key'])).toBe(false);
    // The keyword later in the match: the match does not begin where the keyword does.
    expect(startsWithKeyword('(sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})', ['t3blbkfj'])).toBe(false);
  });

  it('holds for the match of every example of every anchored built-in rule', () => {
    const anchored = rules.filter((rule) => rule.keywordAnchored);
    expect(anchored.length).toBeGreaterThan(80);
    for (const rule of anchored) {
      for (const [index, example] of (rule.examples ?? []).entries()) {
        const text = expandTemplate(typeof example === 'string' ? example : example.text, `${rule.id}:example:${index}`);
        const match = new RegExp(rule.pattern, rule.flags ?? '').exec(text)!;
        expect(rule.keywords.some((keyword) => match[0].toLowerCase().startsWith(keyword.toLowerCase())), rule.id).toBe(true);
      }
    }
  });
});

describe('keyword-anchored detection', () => {
  const compiled = compileRules(rules);
  const anchored = new Detector(compiled);
  const scanning = new Detector(
    compiled.map((rule) =>
      rule.anchoredAtKeyword ? { ...rule, anchoredAtKeyword: false, regex: new RegExp(rule.definition.pattern, `gd${rule.definition.flags ?? ''}`) } : rule,
    ),
  );
  const findings = (detector: Detector, text: string) =>
    detector
      .detect({ path: 'src/app.ts', content: Buffer.from(text, 'utf8') })
      .map((finding) => `${finding.ruleId} ${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}`);
  const textOf = (example: RuleExample, seed: string) => expandTemplate(typeof example === 'string' ? example : example.text, seed);
  const pieces = rules.flatMap((rule) => [
    ...(rule.examples ?? []).map((example, index) => textOf(example, `${rule.id}:example:${index}`)),
    ...(rule.negativeExamples ?? []).map((example, index) => textOf(example, `${rule.id}:negative:${index}`)),
  ]);

  it('finds what scanning the windows finds, with examples and near misses side by side in any order', () => {
    const text = fc
      .array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom('', ' ', '\n', '"', '=', 'x', '\n\n\n\n', 'EAA', 'sk-', 'AKIA')), { minLength: 1, maxLength: 12 })
      .map((parts) => parts.map(([piece, separator]) => piece + separator).join(''));
    fc.assert(
      fc.property(text, (input) => {
        expect(findings(anchored, input)).toEqual(findings(scanning, input));
      }),
      { numRuns: 300 },
    );
  });

  it('finds the same in every example and near miss back to back', () => {
    const text = pieces.join('\n');
    expect(findings(anchored, text).length).toBeGreaterThan(100);
    expect(findings(anchored, text)).toEqual(findings(scanning, text));
  });
});
