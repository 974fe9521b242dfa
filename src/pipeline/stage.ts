import type { KeyguardConfig } from '../config/types.js';
import type { RawFinding } from '../finding/raw-finding.js';
import type { ScanMode } from '../scan-result.js';
import type { VerifyOptions } from '../verify/types.js';
import type { BaselineEntry, BaselineMatcher } from '../suppress/baseline.js';

/** Why findings were left out of a report; the summary counts each, so suppression is never silent. */
export type SuppressionReason = 'inline' | 'config' | 'baseline';

/** A baseline being applied (`matcher`) and/or recorded (`record`). */
export interface BaselineState {
  matcher: BaselineMatcher | null;
  record: BaselineEntry[] | null;
}

/** What every pipeline stage may read and record. */
export interface PipelineContext {
  /** Absolute path finding paths are relative to. */
  root: string;
  /** Keep secrets whole (`--show-secrets`). */
  showSecrets: boolean;
  /** Honour allow comments (false with `--no-inline-allow`, for audits). */
  inlineAllow: boolean;
  /** The HMAC key for fingerprints; asked for only when there is a finding to fingerprint. */
  fingerprintKey: () => Promise<string>;
  /** Counts of findings each suppression stage removed. */
  suppressed: Record<SuppressionReason, number>;
  /** Set only when the scan asked for verification (`--verify`); the verify stage does nothing otherwise. */
  verify?: { mode: ScanMode; options: Required<VerifyOptions> };
  /** The config file's allowlists and rule scopes (stage suppress-config); null without a config. */
  config?: KeyguardConfig | null;
  /**
   * The baseline (stage suppress-baseline): `matcher` accepts findings, `record` collects the
   * entries of the findings that reach the stage (for `keyguard baseline`).
   */
  baseline?: BaselineState | null;
  /** Things the user should know that are not findings; they go into the summary. */
  warnings: string[];
}

/**
 * One step after detection. Stages run in a fixed order (src/pipeline/pipeline.ts) and each takes
 * the findings the previous one left, so a stage can rely on what came before it.
 */
export interface PipelineStage {
  name: string;
  run(findings: RawFinding[], context: PipelineContext): RawFinding[] | Promise<RawFinding[]>;
}
