import type { RawFinding } from '../finding/raw-finding.js';
import { isUnderFixtureFolder, oneStepLower } from '../finding/path-role.js';
import { ENV_FILE_RULES, isEnvFile } from '../hygiene/env-files.js';
import { GITIGNORE_RULE } from '../hygiene/gitignore.js';
import type { PipelineStage } from './stage.js';

const ENV_FILE_RULE_IDS = new Set<string>([...Object.values(ENV_FILE_RULES).map((rule) => rule.id), GITIGNORE_RULE.id]);

/** The variables (or, without a name, the lines) of the secrets found in each file. */
function secretNamesByFile(findings: readonly RawFinding[]): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  for (const finding of findings) {
    if (finding.kind !== 'secret' || finding.showAsIs) continue;
    const set = names.get(finding.file) ?? new Set<string>();
    set.add(finding.variable ?? `line ${finding.line}`);
    names.set(finding.file, set);
  }
  return names;
}

/**
 * An env file's hygiene finding is as severe as what the file holds: critical when the detector
 * found secrets in it (their variables are named, never their values), low when it holds only
 * settings and placeholders; one step lower again under test, fixture and example folders, whose
 * env files are usually sample settings.
 */
export const envFileSeverity: PipelineStage = {
  name: 'env-file-severity',
  run(findings) {
    const secrets = secretNamesByFile(findings);
    return findings.map((finding) => {
      if (finding.kind !== 'hygiene' || !ENV_FILE_RULE_IDS.has(finding.ruleId) || !isEnvFile(finding.file)) return finding;
      const names = secrets.get(finding.file);
      const fixture = isUnderFixtureFolder(finding.file);
      let severity = names ? ('critical' as const) : ('low' as const);
      if (fixture) severity = oneStepLower(severity) as typeof severity;
      const holds = names
        ? ` It holds secret values in ${[...names].sort().join(', ')}.`
        : ' It holds only settings or placeholders, no secret-shaped values.';
      const where = fixture ? ' It is under a test, fixture or example folder, so it ranks below a real env file.' : '';
      return { ...finding, severity, message: `${finding.message}${holds}${where}` };
    });
  },
};
