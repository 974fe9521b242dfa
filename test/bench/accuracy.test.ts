// The accuracy benchmark (`npm run accuracy`) as a regression guard: precision and recall per rule
// family on the labelled corpus must not fall below the floors. A change that loses a format or a
// decoding, or starts reporting a decoy, shows up here as a number. Raise a floor when a family
// improves; never lower one to make a change pass.
import { describe, expect, it } from 'vitest';
import { buildCorpus, FAMILIES } from '../../bench/accuracy/corpus.js';
import { scoreCorpus } from '../../bench/accuracy/score.js';

interface Row {
  family: string;
  positives: number;
  decoys: number;
  recall: number;
  precision: number;
}

const FLOORS: Record<string, { recall: number; precision: number }> = {
  OpenAI: { recall: 1, precision: 1 },
  Anthropic: { recall: 1, precision: 1 },
  'Other AI': { recall: 1, precision: 1 },
  Cloud: { recall: 1, precision: 1 },
  'Developer platforms': { recall: 1, precision: 0.98 },
  'Private keys': { recall: 1, precision: 1 },
  Generic: { recall: 1, precision: 1 },
};

const score = scoreCorpus() as { table: Row[]; misses: string[]; falseAlarms: string[] };

describe('accuracy on the labelled corpus', () => {
  it('covers every family with true keys and decoys, in every file type and encoding', () => {
    const cases = buildCorpus() as Array<{ family: string; context: string; positive: boolean }>;
    expect(score.table.map((row) => row.family)).toEqual(FAMILIES);
    for (const row of score.table) expect(row.positives, row.family).toBeGreaterThan(0);
    for (const row of score.table) expect(row.decoys, row.family).toBeGreaterThan(0);
    const contexts = new Set(cases.filter((labelled) => labelled.positive).map((labelled) => labelled.context));
    expect([...contexts]).toEqual(
      expect.arrayContaining(['env', 'json', 'yaml', 'javascript', 'python', 'go', 'java', 'ruby', 'minified', 'notebook', 'plist', 'dockerfile',
        'k8s-stringdata', 'json-escape', 'url-encoding', 'base64-k8s-secret', 'base64-dockerconfigjson', 'base64-basic-auth']),
    );
  });

  it.each(Object.keys(FLOORS))('%s: recall and precision at or above their floors', (family) => {
    const row = score.table.find((candidate) => candidate.family === family)!;
    const floor = FLOORS[family]!;
    const detail = `missed: ${score.misses.join('; ')}\nreported wrongly: ${score.falseAlarms.join('; ')}`;
    expect(row.recall, detail).toBeGreaterThanOrEqual(floor.recall);
    expect(row.precision, detail).toBeGreaterThanOrEqual(floor.precision);
  });
});
