import type { Finding } from '../finding/finding.js';
import type { RawFinding } from '../finding/raw-finding.js';
import { dedupe } from './dedupe.js';
import { documentationRank } from './documentation-rank.js';
import { envFileSeverity } from './env-file-severity.js';
import { finalize } from './finalize.js';
import { byLocation } from './sort.js';
import type { PipelineContext, PipelineStage } from './stage.js';
import { suppressBaseline } from './suppress-baseline.js';
import { suppressConfig } from './suppress-config.js';
import { suppressInline } from './suppress-inline.js';

/**
 * What happens to findings after detection, in this order:
 *   detect → hygiene (joined by scan()) → suppress inline comments → rank (env files by their
 *   content, documentation lower) → suppress by config (allowlists, scopes, and the severity a team
 *   sets, which wins over ranking) and baseline → verify (opt-in) → dedupe → redact and fingerprint
 *   (last) → sort.
 * Redaction is last so that every stage before it can see the whole secret, and nothing after it can.
 */
export const STAGES: readonly PipelineStage[] = [suppressInline, envFileSeverity, documentationRank, suppressConfig, suppressBaseline, dedupe];

export async function runPipeline(findings: RawFinding[], context: PipelineContext, stages: readonly PipelineStage[] = STAGES): Promise<Finding[]> {
  let current = findings;
  for (const stage of stages) current = await stage.run(current, context);
  return (await finalize(current, context)).sort(byLocation);
}
