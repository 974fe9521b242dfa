import { describe, expect, it } from 'vitest';
import { OrderedStats } from '../../src/sources/ordered-stats.js';
import { emptyStats } from '../../src/sources/source.js';

describe('OrderedStats', () => {
  it('lists skipped items and warnings in the order their places were taken, whatever order they settle in', () => {
    const stats = emptyStats();
    const ordered = new OrderedStats(stats);
    const first = ordered.take();
    const second = ordered.take();
    ordered.add(ordered.take(), { skipped: [{ path: 'ignored/', reason: 'gitignore' }] });
    const fourth = ordered.take();
    ordered.add(fourth, { filesScanned: 1, bytesScanned: 10, warnings: ['fourth'] });
    ordered.add(second, { skipped: [{ path: 'b.png', reason: 'binary' }], warnings: ['second'] });
    ordered.add(first, { filesScanned: 1, bytesScanned: 5, skipped: [{ path: 'a.bin', reason: 'binary' }, { path: 'a.bin!/x', reason: 'encrypted' }] });
    expect(stats.skipped.map((item) => item.path)).toEqual(['a.bin', 'a.bin!/x', 'b.png', 'ignored/']);
    expect(stats.warnings).toEqual(['second', 'fourth']);
    expect([stats.filesScanned, stats.bytesScanned]).toEqual([2, 15]);
  });
});
