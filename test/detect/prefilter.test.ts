import { describe, expect, it } from 'vitest';
import { compileRules } from '../../src/rules/compile.js';
import { Prefilter } from '../../src/detect/prefilter.js';
import type { RuleDefinition } from '../../src/rules/types.js';

function rule(id: string, keywords: string[]): RuleDefinition {
  return {
    id,
    name: id,
    provider: 'Test',
    severity: 'high',
    description: 'test rule',
    keywords,
    pattern: '(x)',
    examples: ['x'],
    negativeExamples: ['y'],
    references: ['https://example.com'],
  };
}

describe('Prefilter', () => {
  const rules = compileRules([rule('dashed', ['api-key']), rule('plain', ['key']), rule('marker', ['t3blbkfj']), rule('aws', ['a3t'])]);
  const prefilter = new Prefilter(rules);
  const hitIds = (text: string) => [...prefilter.keywordHits(Buffer.from(text)).keys()].map((compiled) => compiled.definition.id).sort();

  it('rejects text without any keyword', () => {
    expect(prefilter.keywordHits(Buffer.from('nothing to see here')).size).toBe(0);
  });

  it('matches keywords case-insensitively and reports their offsets', () => {
    const hits = prefilter.keywordHits(Buffer.from('a KEY and a key'));
    expect(hits.get(rules[1]!)).toEqual([2, 12]);
  });

  it('registers a keyword inside or overlapping another one', () => {
    expect(hitIds('X-API-Key: value')).toEqual(['dashed', 'plain']);
    expect(hitIds('xxA3T3BlbkFJxx')).toEqual(['aws', 'marker']);
  });
});
