import { describe, expect, it } from 'vitest';
import { Detector, MAX_RUN_INPUT } from '../../src/detect/detector.js';
import { compileRules } from '../../src/rules/compile.js';
import { loadBuiltinRules } from '../../src/rules/load.js';

/**
 * Regex work grows linearly with the input, counted rather than timed: for every shipped rule and
 * pathological inputs made of its keywords (issue 9: `--pwd` repeated took time growing with the
 * cube of the line's length), the detector makes at most a bounded number of regex runs per keyword
 * hit (so their number grows at most linearly with the input) and no run is given more than
 * MAX_RUN_INPUT characters. Each run's own cost is bounded by its input (recheck checks
 * every pattern is linear, test/rules/redos.test.ts), so a whole scan is linear too.
 */

const SIZES = [2_000, 4_000, 8_000, 16_000];

function pathologicalInputs(keyword: string): string[] {
  const word = keyword.replace(/[^\x20-\x7e]/g, '');
  return [
    `--${word}`,
    `--${word} `,
    `${word}`,
    `${word}=`,
    `${word}:"`,
    `${word}_a`,
    `<${word}`,
    `"${word}",`,
    `${word}\t`,
    `${word}\n`,
    `${word}-${word}.`,
    `a:${word}:A`,
  ];
}

function keywordHits(content: Buffer, keywords: readonly string[]): number {
  const text = content.toString('latin1').toLowerCase();
  let hits = 0;
  for (const keyword of keywords) {
    for (let at = text.indexOf(keyword.toLowerCase()); at !== -1; at = text.indexOf(keyword.toLowerCase(), at + 1)) hits++;
  }
  return hits;
}

function fill(unit: string, size: number): Buffer {
  return Buffer.from(unit.repeat(Math.ceil(size / unit.length)).slice(0, size), 'latin1');
}

describe('regex work on pathological input', async () => {
  const rules = await loadBuiltinRules();
  const issueWords = ['password', 'pwd', 'token', 'secret', 'auth', 'pass'];

  it.each(rules.map((rule) => [rule.id, rule] as const))('%s: runs grow linearly, each run sees a bounded input', (_id, rule) => {
    const units = [...new Set([...rule.keywords, ...(rule.generic ? issueWords : [])])].flatMap(pathologicalInputs);
    for (const unit of units) {
      for (const size of SIZES) {
        const content = fill(unit, size);
        const detector = new Detector(compileRules([rule]));
        detector.detect({ path: 'a.sh', content });
        expect(detector.work.longestRun, JSON.stringify(unit)).toBeLessThanOrEqual(MAX_RUN_INPUT);
        // At most a run per keyword hit and per match (each holds or follows a hit), plus one per segment.
        const bound = 2 * keywordHits(content, rule.keywords) + 2 * Math.ceil(size / 4096) + 8;
        expect(detector.work.runs, `runs for ${JSON.stringify(unit)} x ${size}`).toBeLessThanOrEqual(bound);
      }
    }
  });
});
