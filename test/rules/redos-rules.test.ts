import { describe, expect, it } from 'vitest';
import { Detector, MAX_RUN_INPUT } from '../../src/detect/detector.js';
import { compileRules, regexFlags } from '../../src/rules/compile.js';
import { loadBuiltinRules } from '../../src/rules/load.js';
import { checkRegexSafety } from '../../src/rules/redos.js';

/**
 * Issue 9: every shipped rule passes a ReDoS check. recheck judges each pattern exactly as the
 * detector runs it (src/rules/compile.ts: `g`, sticky for name-anchored rules, the rule's flags; a
 * search that is not sticky restarts at every position, which recheck takes into account). `quick`
 * effort keeps the file to a few minutes of CPU (see src/rules/redos.ts); step limits, not the
 * clock, decide, so the verdicts do not depend on the machine.
 *
 * Context patterns are not put through recheck here: the detector tests them on at most
 * 2 x `within` + the secret's characters (hasContext in src/detect/detector.ts), and recheck takes
 * minutes over their bounded `{0,40}` gaps.
 *
 * A rule with a `redos` justification is one recheck cannot decide; for it, the bound the
 * justification names is proved instead, by counting the detector's work.
 */

const rules = await loadBuiltinRules();
const decidable = rules.filter((rule) => rule.redos === undefined);
const justified = rules.filter((rule) => rule.redos !== undefined);
const regexes = decidable.map((rule) => ({ label: rule.id, pattern: rule.pattern, flags: regexFlags(rule) }));

/** recheck runs concurrent checks in parallel threads; two at a time leave the rest of the suite a core. */
const slots = limit(2);
const CHECK_TIMEOUT = 60_000;

describe('ReDoS check of every shipped rule', () => {
  it.concurrent.each(regexes.map((regex) => [regex.label, regex] as const))(
    '%s',
    async (_label, { pattern, flags }) => {
      const verdict = await slots(() => checkRegexSafety(pattern, flags, { effort: 'quick', timeoutMs: CHECK_TIMEOUT }));
      expect(verdict).toEqual({ status: 'safe', complexity: expect.any(String) });
    },
    // Waiting for a slot counts towards a test's time: room for the checks queued ahead of it.
    4 * CHECK_TIMEOUT,
  );
});

/**
 * The inputs recheck's fuzzer pushed to its step limit on generic-secret-keyvalue before the rule
 * was anchored at the name (recheck could not decide that pattern, and decides this one), at
 * growing sizes: the characters the detector hands the rule's regex grow linearly, and no run gets
 * more than MAX_RUN_INPUT of them, however long the line.
 */
const HARD_SHAPES = [(n: number) => `"${'AUTHHVARIABLE\t"'.repeat(n)}${"TKEYH','".repeat(n)}KEY\n`, (n: number) => `x "${'secret'.repeat(n)}`];

describe('rules recheck cannot decide: the bound their justification names', () => {
  it('no shipped rule needs a justification', () => {
    expect(justified.map((rule) => rule.id)).toEqual([]);
  });

  it.each(rules.filter((rule) => rule.id === 'generic-secret-keyvalue').map((rule) => [rule.id, rule] as const))(
    '%s: linear work on the inputs its unanchored pattern was hard on, each run capped',
    (_id, rule) => {
      for (const shape of HARD_SHAPES) {
        const work = [1_000, 8_000].map((n) => {
          const detector = new Detector(compileRules([rule]));
          const content = Buffer.from(shape(n), 'latin1');
          detector.detect({ path: 'a.txt', content });
          return { size: content.length, ...detector.work };
        });
        for (const { longestRun } of work) expect(longestRun).toBeLessThanOrEqual(MAX_RUN_INPUT);
        const [small, large] = work as [(typeof work)[0], (typeof work)[0]];
        expect(small.runs).toBeGreaterThan(0);
        expect(large.characters / large.size).toBeLessThanOrEqual((small.characters / small.size) * 1.25 + 1);
        expect(large.runs / large.size).toBeLessThanOrEqual((small.runs / small.size) * 1.25 + 0.01);
      }
    },
  );
});

function limit(count: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running >= count) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
