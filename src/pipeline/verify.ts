import type { PipelineStage } from './stage.js';

/**
 * Asks each key's provider whether the key still works (`--verify`, off by default). The verify
 * code and its HTTP client are imported only here and only when asked for, so a scan without
 * --verify (a pre-commit hook, above all) loads none of it.
 */
export const verify: PipelineStage = {
  name: 'verify',
  async run(findings, context) {
    if (!context.verify || findings.length === 0) return findings;
    const { verifyFindings } = await import('../verify/verify-findings.js');
    return verifyFindings(findings, { root: context.root, ...context.verify }, context.warnings);
  },
};
