import type { PipelineStage } from './stage.js';

/**
 * In history, the same secret reached twice at the same path (the same blob in many commits, or
 * the same key re-added) is one finding, the first one seen: sources yield oldest first, so that
 * is where it was introduced. In the work tree and the index every location is its own finding
 * (the same key on two lines is two places to fix); the fingerprint stays per secret and path.
 */
export const dedupe: PipelineStage = {
  name: 'dedupe',
  run(findings) {
    const seen = new Set<string>();
    return findings.filter((finding) => {
      const location = finding.commit === null ? `\0${finding.line}:${finding.column}` : '';
      const identity = `${finding.ruleId}\0${finding.file}\0${finding.rawSecret}${location}`;
      if (seen.has(identity)) return false;
      seen.add(identity);
      return true;
    });
  },
};
