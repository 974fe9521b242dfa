import type { SourceStats } from './source.js';

/**
 * A source's stats filled from two places: what it meets as it goes (an ignored folder, a file
 * it reads itself), and file tasks whose outcomes come back later and out of order from the
 * detection workers (content/file-task.ts). Each record carries the position where it happened,
 * so the summary lists skipped items and warnings in walk order, as if one thread had done it all.
 */
export class OrderedStats {
  private nextPosition = 0;
  private readonly skippedAt: number[] = [];
  private readonly warningsAt: number[] = [];

  constructor(private readonly stats: SourceStats) {}

  /** A place for what is about to happen, after everything given a place so far. */
  take(): number {
    return this.nextPosition++;
  }

  /** Adds `outcome` (counts, skips, warnings, key-file findings) at `position`. */
  add(position: number, outcome: Partial<SourceStats>): void {
    this.stats.filesScanned += outcome.filesScanned ?? 0;
    this.stats.bytesScanned += outcome.bytesScanned ?? 0;
    insertAt(this.stats.skipped, this.skippedAt, position, outcome.skipped ?? []);
    insertAt(this.stats.warnings, this.warningsAt, position, outcome.warnings ?? []);
    if (outcome.fileFindings) this.stats.fileFindings.push(...outcome.fileFindings);
  }
}

/** Inserts `items` after everything at `position` or earlier; nearly always an append. */
function insertAt<T>(list: T[], positions: number[], position: number, items: readonly T[]): void {
  if (items.length === 0) return;
  let index = positions.length;
  while (index > 0 && positions[index - 1]! > position) index--;
  list.splice(index, 0, ...items);
  positions.splice(index, 0, ...items.map(() => position));
}
