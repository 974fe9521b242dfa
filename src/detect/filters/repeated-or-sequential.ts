import type { Candidate, Filter } from './filter.js';

/**
 * Values dominated by patterns a person types and a random generator does not: one character or a
 * short unit repeated (`aaaaaaaa`, `abababab`, `abc123abc123`) or a run along the alphabet, the
 * digits or a keyboard row (`abcdefgh`, `0123456789`, `qwerty`). A random key has such patterns
 * only in short, scattered places, so what decides is the share of the value they cover: at least
 * half. That leaves a real key's random part intact however long it is, and lets a provider's fixed
 * prefix (`sk-proj-`, `AKIA`) count against the pattern rather than for it.
 */

/** Longest repeated unit looked for; `passwordpassword` needs 8. */
const MAX_UNIT = 16;
/** A unit must repeat at least this many characters beyond its first copy to count (`aaaa`, `ababa`). */
const MIN_REPEATED = 3;
/** Steps along a sequence that make a run: 3 steps are 4 characters (`abcd`, `4321`). */
const MIN_STEPS = 3;
const DOMINANT_SHARE = 0.5;
/** Read forwards or backwards, case-insensitively; the digits wrap so `1234567890` is one run. */
const SEQUENCES = ['01234567890', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

export function isRepeatedOrSequential(value: string): boolean {
  if (value.length === 0) return false;
  const covered = new Uint8Array(value.length);
  markRepeats(value, covered);
  markSequences(value.toLowerCase(), covered);
  return covered.reduce((sum, flag) => sum + flag, 0) >= DOMINANT_SHARE * value.length;
}

/** For each unit length, find stretches where every character equals the one a unit earlier. */
function markRepeats(value: string, covered: Uint8Array): void {
  for (let unit = 1; unit <= Math.min(MAX_UNIT, value.length >> 1); unit++) {
    let runStart = unit;
    for (let i = unit; i <= value.length; i++) {
      if (i < value.length && value[i] === value[i - unit]) continue;
      const repeated = i - runStart;
      // Two full copies at least, so a chance 3-character echo in a long random key does not count.
      if (repeated >= Math.max(MIN_REPEATED, unit)) covered.fill(1, runStart - unit, i);
      runStart = i + 1;
    }
  }
}

/** Mark runs where each character is the next one in some sequence, forwards or backwards. */
function markSequences(lower: string, covered: Uint8Array): void {
  for (const direction of [1, -1]) {
    let runStart = 0;
    for (let i = 1; i <= lower.length; i++) {
      if (i < lower.length && followsInSequence(lower[i - 1]!, lower[i]!, direction)) continue;
      if (i - 1 - runStart >= MIN_STEPS) covered.fill(1, runStart, i);
      runStart = i;
    }
  }
}

function followsInSequence(previous: string, next: string, direction: number): boolean {
  return SEQUENCES.some((sequence) => {
    // lastIndexOf going backwards, so the wrapped 0 at the end of the digits leads to 9.
    const at = direction > 0 ? sequence.indexOf(previous) : sequence.lastIndexOf(previous);
    return at >= 0 && sequence[at + direction] === next;
  });
}

export const repeatedOrSequentialFilter: Filter = {
  name: 'repeated-or-sequential',
  description:
    'Drops values at least half made of repeated characters or units (`aaaa`, `abab`) or alphabet, digit and keyboard runs (`abcdef`, `123456`, `qwerty`), which random keys practically never are.',
  appliesTo: 'all',
  matches: (candidate: Candidate) => isRepeatedOrSequential(candidate.secret),
};
