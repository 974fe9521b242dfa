import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Detector } from '../../src/detect/detector.js';
import { compileRules, regexFlags } from '../../src/rules/compile.js';
import { BUILTIN_RULES_DIR, loadRuleDirectory } from '../../src/rules/load.js';
import { matchReach } from '../../src/rules/match-reach.js';
import { expandTemplate } from '../../src/rules/template.js';
import type { RuleExample } from '../../src/rules/types.js';

const rules = await loadRuleDirectory(BUILTIN_RULES_DIR);

function exampleText(example: RuleExample, seed: string): string {
  return expandTemplate(typeof example === 'string' ? example : example.text, seed);
}

/** What a sticky run of `pattern` at `start` finds: the match, its secret's span, or null. */
function matchAt(pattern: string, flags: string, text: string, start: number): string | null {
  const regex = new RegExp(pattern, `${flags.replace(/[gyd]/g, '')}yd`);
  regex.lastIndex = start;
  const match = regex.exec(text);
  return match ? `${match[0]} ${JSON.stringify(match.indices?.[1] ?? null)}` : null;
}

describe('matchReach', () => {
  it('counts what a match consumes and what its look-arounds and anchors read past it', () => {
    expect(matchReach('abc')).toBe(3);
    expect(matchReach('a{2,5}')).toBe(5);
    expect(matchReach('(a|bcd)e')).toBe(4);
    expect(matchReach('(?=abcd)a')).toBe(4);
    expect(matchReach('a(?!b{0,3}c)')).toBe(5);
    expect(matchReach('a(?![A-Z]{0,39}EXAMPLE)')).toBe(47);
    expect(matchReach('\\bfoo\\b')).toBe(4);
    expect(matchReach('foo$')).toBe(4);
    expect(matchReach('^x')).toBe(1);
    expect(matchReach('(?<=[a-z]{2})x')).toBe(1);
    // A look-ahead inside a look-behind starts at or before the current position.
    expect(matchReach('(?<=x(?=yz))a')).toBe(2);
    expect(matchReach('(?:ab)?c{3}')).toBe(5);
    expect(matchReach('a{0}b')).toBe(1);
    expect(matchReach('(?:)*x')).toBe(1);
  });

  it('is unbounded for open repetitions and back-references', () => {
    expect(matchReach('a+')).toBe(Infinity);
    expect(matchReach('x(?=[a-z]*;)')).toBe(Infinity);
    expect(matchReach('(a)\\1')).toBe(Infinity);
    expect(matchReach('a{3,}')).toBe(Infinity);
  });

  it('is set by the rule loader for every bounded built-in rule', () => {
    for (const rule of rules) {
      const reach = matchReach(rule.pattern);
      expect(rule.matchReach, rule.id).toBe(Number.isFinite(reach) ? reach : undefined);
    }
    expect(rules.filter((rule) => rule.matchReach !== undefined).length).toBeGreaterThan(150);
  });

  it('bounds every read: a run cut at start + matchReach finds what a run over the whole text finds', () => {
    // Each bounded rule at every start position of its own examples and near misses, followed by
    // more text of the kind a key is made of, so that cutting the text short changes what the
    // regex sees if the bound is too small.
    for (const rule of rules.filter((candidate) => candidate.matchReach !== undefined)) {
      const flags = regexFlags(rule);
      const texts = [...(rule.examples ?? []), ...(rule.negativeExamples ?? [])].map(
        (example, index) => `${exampleText(example, `${rule.id}:reach:${index}`)}A1b2C3d4/+_-=.${'x9'.repeat(40)}`,
      );
      for (const text of texts) {
        for (let start = 0; start < text.length; start++) {
          const cut = text.slice(0, start + rule.matchReach!);
          expect(matchAt(rule.pattern, flags, cut, start), `${rule.id} at ${start}`).toBe(matchAt(rule.pattern, flags, text, start));
        }
      }
    }
  });

  it('bounds every read of random patterns on random text', () => {
    const atom = fc.constantFrom('a', 'b', '[ab]', '.', '\\b', '$', '^', '(?=ab)', '(?!a{0,2}b)', '(?<=a)', '(?<=a(?=bb))', 'a{1,3}', 'b?', '(?:ab|b)');
    const pattern = fc.array(atom, { minLength: 1, maxLength: 6 }).map((atoms) => atoms.join(''));
    const text = fc.array(fc.constantFrom('a', 'b', 'c', '\n'), { maxLength: 30 }).map((characters) => characters.join(''));
    fc.assert(
      fc.property(pattern, text, fc.nat(30), (source, input, start) => {
        const reach = matchReach(source);
        fc.pre(Number.isFinite(reach) && start <= input.length);
        expect(matchAt(source, 'm', input.slice(0, start + reach), start)).toBe(matchAt(source, 'm', input, start));
        expect(matchAt(source, '', input.slice(0, start + reach), start)).toBe(matchAt(source, '', input, start));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves the detector finding the same as with every rule unbounded', () => {
    const compiled = compileRules(rules);
    const bounded = new Detector(compiled);
    const unbounded = new Detector(compiled.map((rule) => ({ ...rule, matchReach: Infinity })));
    const findings = (detector: Detector, text: string) =>
      detector.detect({ path: 'src/app.ts', content: Buffer.from(text, 'utf8') }).map((finding) => `${finding.ruleId} ${finding.line}:${finding.column}`);
    // All examples in one text, each a few lines from the next: windows close enough to share runs.
    const all = rules.flatMap((rule) => (rule.examples ?? []).map((example, index) => exampleText(example, `${rule.id}:example:${index}`)));
    const text = all.join('\n\nfiller line one\nfiller line two\n');
    expect(findings(bounded, text).length).toBeGreaterThan(rules.length / 2);
    expect(findings(bounded, text)).toEqual(findings(unbounded, text));
  });
});
