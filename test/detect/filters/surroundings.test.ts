import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../../src/detect/filters/filter.js';
import { surroundingsOf } from '../../../src/detect/filters/surroundings.js';
import { genericCandidate } from './candidates.js';

describe('surroundingsOf', () => {
  it('splits the line around the secret', () => {
    expect(surroundingsOf(genericCandidate('api_key = "abc_value_def";', 'abc_value_def'))).toEqual({ before: 'api_key = "', after: '";' });
  });

  it('finds the occurrence the match points at when the name contains the secret', () => {
    const candidate = genericCandidate('token = token', 'token');
    expect(surroundingsOf(candidate)).toEqual({ before: 'token = ', after: '' });
  });

  it('uses the first line of a multi-line secret', () => {
    const candidate: Candidate = { ...genericCandidate('key: "first', 'first'), secret: 'first\nsecond', match: 'key: "first\nsecond' };
    expect(surroundingsOf(candidate)).toEqual({ before: 'key: "', after: '' });
  });

  it('looks only so far on a long line', () => {
    const filler = 'x'.repeat(10_000);
    const { before, after } = surroundingsOf(genericCandidate(`${filler} key = "the_value" ${filler}`, 'the_value'));
    expect(before.length).toBeLessThanOrEqual(200);
    expect(after.length).toBeLessThanOrEqual(200);
    expect(before.endsWith('key = "')).toBe(true);
  });

  it('returns nothing around a secret that is not on the line', () => {
    expect(surroundingsOf({ ...genericCandidate('a = b_value', 'b_value'), line: 'other' })).toEqual({ before: '', after: '' });
  });
});
