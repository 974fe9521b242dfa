/**
 * The findings a scan keeps, in bounded memory. A keyword-dense gigabyte holds hundreds of
 * thousands of matches, and every kept finding costs memory three times over (the raw finding, the
 * reported one, its place in the report), so a scan keeps at most MAX_KEPT_FINDINGS: the most
 * severe ones, earliest in source order first. The rest are only counted (by severity and rule), and
 * scan() says so in the summary's warnings. Which findings are kept does not depend on the order in
 * which detection workers answer: it is the first MAX_KEPT_FINDINGS by (severity, source order).
 *
 * Findings from git history are deduplicated here as the pipeline's dedupe stage would (same rule,
 * path and secret: the earliest commit wins), so thousands of commits carrying one key take one
 * place, not thousands. Identities are kept as short hashes, so that set stays small too.
 *
 * "Source order" is the order of the source's findings, which is not always the order chunks arrive
 * in: history reads blobs in pack order. A source that reorders gives a `findingRank` (the commit's
 * place in the walk), which comes before the chunk's arrival order in every comparison.
 */
import { nodeCrypto } from '../node-crypto.js';
import { SEVERITIES, severityRank, type Severity } from '../finding/finding.js';
import type { RawFinding } from '../finding/raw-finding.js';

/** See README "Performance": above this many findings a scan lists the most severe ones and counts the rest. */
export const MAX_KEPT_FINDINGS = 10_000;

interface Entry {
  /** Let go of once the entry is omitted: only its count is kept. */
  finding: RawFinding | null;
  severity: Severity;
  ruleId: string;
  /** The source's rank of the finding (see FindingRank), then the chunk's arrival, then the finding's place in it. */
  sourceRank: number;
  order: number;
  index: number;
  rank: number;
  identity: string | null;
  /** Left out of the kept set (counted in `omitted`), or replaced by an earlier duplicate. */
  state: 'kept' | 'omitted' | 'replaced';
}

export interface OmittedFindings {
  count: number;
  bySeverity: Partial<Record<Severity, number>>;
  byRule: Map<string, number>;
}

/** The place of a finding in its source's order, for sources whose chunks arrive out of it. */
export type FindingRank = (finding: RawFinding) => number;

/** Negative when `a` comes before `b` in the source. */
function sourceOrder(a: Entry, b: Entry): number {
  return a.sourceRank - b.sourceRank || a.order - b.order || a.index - b.index;
}

/** True when `a` is worth less than `b`: less severe, or as severe and later in the source. */
function worse(a: Entry, b: Entry): boolean {
  if (a.rank !== b.rank) return a.rank < b.rank;
  return sourceOrder(a, b) > 0;
}

/** The history dedupe identity (see pipeline/dedupe.ts), hashed; null for findings outside git history. */
function identityOf(finding: RawFinding): string | null {
  if (finding.commit === null) return null;
  // An allow comment suppresses one occurrence only, so an allowed and an unallowed occurrence stay apart.
  const text = `${finding.ruleId}\0${finding.file}\0${finding.rawSecret}\0${finding.inlineAllow === null ? '' : 'allowed'}`;
  return nodeCrypto().createHash('sha1').update(text).digest('base64').slice(0, 16);
}

export class KeptFindings {
  /** A heap with the worst kept entry on top, so the next eviction is O(log n). */
  private readonly heap: Entry[] = [];
  private readonly earliest = new Map<string, Entry>();
  /** Entries still in the heap that an earlier duplicate replaced: they hold no place. */
  private replacedInHeap = 0;
  readonly omitted: OmittedFindings = { count: 0, bySeverity: {}, byRule: new Map() };

  constructor(
    private readonly limit = MAX_KEPT_FINDINGS,
    private readonly findingRank: FindingRank = () => 0,
  ) {}

  /** Adds the findings of the chunk at `order` in the source. */
  add(order: number, findings: readonly RawFinding[]): void {
    findings.forEach((finding, index) => {
      const { severity, ruleId } = finding;
      const sourceRank = this.findingRank(finding);
      this.addOne({ finding, severity, ruleId, sourceRank, order, index, rank: severityRank(severity), identity: identityOf(finding), state: 'kept' });
    });
  }

  /** The kept findings in source order. */
  inOrder(): RawFinding[] {
    return this.heap
      .filter((entry) => entry.state === 'kept')
      .sort(sourceOrder)
      .map((entry) => entry.finding!);
  }

  private addOne(entry: Entry): void {
    if (entry.identity !== null) {
      const known = this.earliest.get(entry.identity);
      if (known && sourceOrder(known, entry) < 0) return;
      if (known) {
        if (known.state === 'omitted') this.count(known, -1);
        else if (known.state === 'kept') this.replacedInHeap++;
        known.state = 'replaced';
        known.finding = null;
      }
      this.earliest.set(entry.identity, entry);
    }
    this.push(entry);
    while (this.liveSize() > this.limit) {
      const worst = this.pop();
      if (worst.state !== 'kept') continue;
      worst.state = 'omitted';
      worst.finding = null;
      this.count(worst, 1);
    }
    // Replaced entries wait in the heap until they surface; drop them once they reach the top.
    while (this.heap.length > 0 && this.heap[0]!.state === 'replaced') this.pop();
  }

  private liveSize(): number {
    return this.heap.length - this.replacedInHeap;
  }

  private count(entry: Entry, step: 1 | -1): void {
    const { severity, ruleId } = entry;
    this.omitted.count += step;
    this.omitted.bySeverity[severity] = (this.omitted.bySeverity[severity] ?? 0) + step;
    this.omitted.byRule.set(ruleId, (this.omitted.byRule.get(ruleId) ?? 0) + step);
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let at = heap.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!worse(heap[at]!, heap[parent]!)) break;
      [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
      at = parent;
    }
  }

  private pop(): Entry {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        const right = left + 1;
        let pick = at;
        if (left < heap.length && worse(heap[left]!, heap[pick]!)) pick = left;
        if (right < heap.length && worse(heap[right]!, heap[pick]!)) pick = right;
        if (pick === at) break;
        [heap[at], heap[pick]] = [heap[pick]!, heap[at]!];
        at = pick;
      }
    }
    if (top.state === 'replaced') this.replacedInHeap--;
    return top;
  }
}

/** The summary warning for findings left out of the report, or null when none were. */
export function omittedWarning(omitted: OmittedFindings, limit = MAX_KEPT_FINDINGS): string | null {
  if (omitted.count === 0) return null;
  const severities = [...SEVERITIES]
    .reverse()
    .filter((severity) => (omitted.bySeverity[severity] ?? 0) > 0)
    .map((severity) => `${omitted.bySeverity[severity]} ${severity}`)
    .join(', ');
  const rules = [...omitted.byRule]
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 5)
    .map(([rule, count]) => `${rule} ${count}`)
    .join(', ');
  return (
    `${omitted.count} more finding(s) not listed (${severities}; most from ${rules}): a scan keeps the ${limit} most severe findings to bound its memory; ` +
    'scan a smaller part of the tree to list the rest'
  );
}
