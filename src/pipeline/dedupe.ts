import type { PipelineStage } from './stage.js';

/**
 * The same secret reached twice at the same path (history: the same blob in many commits, or the
 * same key re-added) is one finding, the first one seen; sources yield oldest first.
 */
export const dedupe: PipelineStage = {
  name: 'dedupe',
  run(findings) {
    const seen = new Set<string>();
    return findings.filter((finding) => {
      const identity = `${finding.ruleId}\0${finding.file}\0${finding.rawSecret}`;
      if (seen.has(identity)) return false;
      seen.add(identity);
      return true;
    });
  },
};
