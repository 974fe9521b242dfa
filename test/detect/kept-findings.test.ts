/**
 * The bounded set of findings a scan keeps: the most severe first, then the earliest in source
 * order, whatever order the detection workers answer in; the rest counted for the summary.
 */
import { describe, expect, it } from 'vitest';
import type { CommitInfo, Severity } from '../../src/finding/finding.js';
import type { RawFinding } from '../../src/finding/raw-finding.js';
import { KeptFindings, omittedWarning } from '../../src/detect/kept-findings.js';

const COMMIT: CommitInfo = { sha: 'a'.repeat(40), author: 'A', email: 'a@example.com', date: '2024-01-01T00:00:00Z', summary: 'one' };

function finding(id: string, severity: Severity, extra: Partial<RawFinding> = {}): RawFinding {
  return {
    ruleId: `rule-${severity}`, ruleName: 'Rule', provider: 'Test', severity, kind: 'secret', file: `${id}.js`, line: 1, column: 1, endLine: 1, endColumn: 9,
    rawSecret: id, showAsIs: false, inlineAllow: null, message: '', remedy: '', references: [], commit: null, clientExposure: null, decodedFrom: null, ...extra,
  };
}

/** Chunks of findings as [order, findings]. */
const CHUNKS: [number, RawFinding[]][] = [
  [0, [finding('a', 'low'), finding('b', 'medium')]],
  [1, [finding('c', 'critical')]],
  [2, [finding('d', 'medium'), finding('e', 'low')]],
  [3, [finding('f', 'high'), finding('g', 'medium')]],
];

function keep(limit: number, chunks: [number, RawFinding[]][]): KeptFindings {
  const kept = new KeptFindings(limit);
  for (const [order, findings] of chunks) kept.add(order, findings);
  return kept;
}

describe('KeptFindings', () => {
  it('keeps everything, in source order, under its limit', () => {
    expect(keep(100, [...CHUNKS].reverse()).inOrder().map((f) => f.rawSecret)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('keeps the most severe and earliest findings whatever the order they arrive in, and counts the rest', () => {
    const orders = [CHUNKS, [...CHUNKS].reverse(), [CHUNKS[2]!, CHUNKS[0]!, CHUNKS[3]!, CHUNKS[1]!]];
    for (const chunks of orders) {
      const kept = keep(4, chunks);
      expect(kept.inOrder().map((f) => f.rawSecret)).toEqual(['b', 'c', 'd', 'f']);
      expect(kept.omitted.count).toBe(3);
      expect(kept.omitted.bySeverity).toEqual({ low: 2, medium: 1 });
      expect(Object.fromEntries(kept.omitted.byRule)).toEqual({ 'rule-low': 2, 'rule-medium': 1 });
    }
  });

  it('keeps one finding per rule, path and secret in history: the earliest commit, in any arrival order', () => {
    const same = (order: number) => [order, [finding('key', 'high', { commit: { ...COMMIT, summary: `commit ${order}` } })]] as [number, RawFinding[]];
    for (const chunks of [[same(5), same(2), same(9)], [same(9), same(5), same(2)]]) {
      const kept = keep(1, [...chunks, [7, [finding('other', 'low', { commit: COMMIT })]]]);
      expect(kept.inOrder().map((f) => f.commit!.summary)).toEqual(['commit 2']);
      expect(kept.omitted.count).toBe(1);
    }
    // History reads blobs in pack order: the source's rank (the commit's place in the walk) decides, not arrival.
    const commitRank = (f: RawFinding) => Number(f.commit!.summary.replace('commit ', ''));
    const late = (order: number, commitNo: number) => [order, [finding('key', 'high', { commit: { ...COMMIT, summary: `commit ${commitNo}` } })]] as [number, RawFinding[]];
    const ranked = new KeptFindings(10, commitRank);
    for (const [order, findings] of [late(0, 8), late(1, 3), late(2, 6)]) ranked.add(order, findings);
    expect(ranked.inOrder().map((f) => f.commit!.summary)).toEqual(['commit 3']);
    // An occurrence under an allow comment stays apart: the pipeline suppresses it and reports the other.
    const allowed = finding('key', 'high', { commit: COMMIT, inlineAllow: { directive: 'allow', rules: null } });
    expect(keep(10, [[1, [allowed]], [2, [finding('key', 'high', { commit: COMMIT })]]]).inOrder()).toHaveLength(2);
  });

  it('says in one warning how many findings were left out, by severity and rule', () => {
    expect(omittedWarning(keep(100, CHUNKS).omitted)).toBeNull();
    const warning = omittedWarning(keep(4, CHUNKS).omitted, 4);
    expect(warning).toMatch(/^3 more finding\(s\) not listed \(1 medium, 2 low; most from rule-low 2, rule-medium 1\): a scan keeps the 4 most severe/);
  });
});
