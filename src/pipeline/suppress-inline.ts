import { allowsRule } from '../suppress/inline-allow.js';
import type { PipelineStage } from './stage.js';

/** Drops findings that an allow comment covers (see src/suppress/inline-allow.ts), and counts them. */
export const suppressInline: PipelineStage = {
  name: 'suppress-inline',
  run(findings, context) {
    if (!context.inlineAllow) return findings;
    const kept = findings.filter((finding) => !(finding.inlineAllow && allowsRule(finding.inlineAllow, finding.ruleId)));
    context.suppressed.inline += findings.length - kept.length;
    return kept;
  },
};
