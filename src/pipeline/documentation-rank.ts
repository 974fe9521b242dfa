import { isDocumentation, oneStepLower } from '../finding/path-role.js';
import type { PipelineStage } from './stage.js';

/**
 * Secrets in documentation and API-example files (`docs/`, `examples/`, `*.examples.json`,
 * README code blocks) are usually samples: they rank one step below the same finding in code or
 * config, and say why, so a reviewer reads real leaks first without losing these.
 */
export const documentationRank: PipelineStage = {
  name: 'documentation-rank',
  run(findings) {
    return findings.map((finding) =>
      finding.kind === 'secret' && !finding.showAsIs && isDocumentation(finding.file)
        ? {
            ...finding,
            severity: oneStepLower(finding.severity),
            message: `${finding.message} Ranked one step lower: documentation and example files mostly hold sample credentials (rotate it if it is real).`,
          }
        : finding,
    );
  },
};
