import { secretHashOf } from '../finding/fingerprint.js';
import type { BaselineEntry } from '../suppress/baseline.js';
import type { PipelineStage } from './stage.js';

/**
 * Drops findings a baseline accepts (src/suppress/baseline.ts) and counts them; when asked
 * (`keyguard baseline`), first records the baseline entry of every finding still standing.
 */
export const suppressBaseline: PipelineStage = {
  name: 'suppress-baseline',
  async run(findings, context) {
    const { baseline } = context;
    if (!baseline || findings.length === 0) return findings;
    const key = await context.fingerprintKey();
    const entryOf = (finding: (typeof findings)[number]): BaselineEntry => ({ rule: finding.ruleId, path: finding.file, secretHash: secretHashOf(key, finding.ruleId, finding.rawSecret) });
    if (baseline.record) baseline.record.push(...findings.map(entryOf));
    if (!baseline.matcher) return findings;
    const matcher = baseline.matcher;
    const kept = findings.filter((finding) => !matcher.accepts(entryOf(finding)));
    context.suppressed.baseline += findings.length - kept.length;
    return kept;
  },
};
