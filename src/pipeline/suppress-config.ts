import { configJudge } from '../suppress/config-allow.js';
import type { PipelineStage } from './stage.js';

/**
 * Applies the config file to findings: rule path scopes, path and value allowlists (counted as
 * suppressed by config), turned-off hygiene checks and their configured severity (pattern rules
 * get theirs from the rule registry, before they run).
 */
export const suppressConfig: PipelineStage = {
  name: 'suppress-config',
  run(findings, context) {
    const { config } = context;
    if (!config) return findings;
    const judge = configJudge(config, context.root);
    const kept = [];
    for (const finding of findings) {
      const verdict = judge(finding);
      if (verdict === 'accepted') context.suppressed.config++;
      if (verdict !== 'kept') continue;
      const severity = finding.kind === 'hygiene' ? config.ruleSettings.get(finding.ruleId)?.severity : undefined;
      kept.push(severity ? { ...finding, severity } : finding);
    }
    return kept;
  },
};
