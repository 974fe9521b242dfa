import type { Finding, Severity } from './finding/finding.js';
import type { SuppressionReason } from './pipeline/stage.js';
import type { SkippedItem } from './sources/source.js';
import type { BaselineEntry } from './suppress/baseline.js';

/** What reporters need to know about a rule (pattern rules and hygiene checks alike). */
export interface RuleInfo {
  id: string;
  name: string;
  provider: string;
  severity: Severity;
  description: string;
  references: string[];
  /** `secret`, `risky-code` or `hygiene`: becomes a SARIF tag. */
  category: 'secret' | 'risky-code' | 'hygiene';
  /**
   * True for rules that find secrets by the name they are assigned to rather than by their shape
   * (RuleDefinition.generic). They are wrong more often, so SARIF reports them with a lower precision.
   */
  generic?: boolean;
  /** What to do when the rule fires (RuleDefinition.remedy or its default); SARIF puts it in the rule's help. */
  remedy?: string;
}

export type ScanMode = 'tree' | 'history' | 'staged' | 'stdin' | 'pack';

export interface ScanSummary {
  mode: ScanMode;
  findings: number;
  bySeverity: Record<Severity, number>;
  filesScanned: number;
  bytesScanned: number;
  filesSkipped: number;
  skipped: SkippedItem[];
  commitsScanned: number | null;
  blobsScanned: number | null;
  /** Findings left out of the report, by why: inline allow comments, config allowlists, a baseline. */
  suppressed: Record<SuppressionReason, number>;
  durationMs: number;
  warnings: string[];
  /**
   * True when something the user asked to scan could not be read (src/sources/coverage.ts
   * couldNotRead): no report then reads as an all-clear, and the CLI exits 3 unless findings fail it.
   */
  incomplete: boolean;
  /** The items of `skipped` that could not be read, with why (an errno code, a missing git object). */
  unread: SkippedItem[];
}

export interface ScanResult {
  /** Absolute path of the scanned root; finding paths are relative to it. */
  root: string;
  findings: Finding[];
  summary: ScanSummary;
  /** Every rule that was active in this run, for SARIF's tool.driver.rules. */
  rules: RuleInfo[];
  toolVersion: string;
  /**
   * Set when a baseline was applied or recorded: `entries` are the baseline entries of the findings
   * (before the baseline removed any; what `keyguard baseline` writes), `unused` the applied
   * baseline's entries that accepted nothing (what `keyguard baseline --prune` removes).
   */
  baseline?: { entries: BaselineEntry[]; unused: BaselineEntry[] };
}
