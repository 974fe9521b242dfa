import { join, relative, sep } from 'node:path';
import type { RawFinding } from '../finding/raw-finding.js';
import type { RuleInfo } from '../scan-result.js';
import { envFileFinding, trackedUncoveredEnvFileFinding } from './env-files.js';
import { hygieneFinding } from './hygiene-finding.js';
import { describeEntry } from './ignore-entry.js';
import { auditIgnoreRules, type EnvInventory, type IgnorePlan } from './ignore-plan.js';

export const GITIGNORE_RULE = {
  id: 'gitignore-missing-entry',
  name: 'Env file not covered by .gitignore',
  provider: 'Repository hygiene',
  severity: 'medium',
  description: 'An env file exists or the project loads one, and no ignore rule keeps it out of git, so the next `git add .` commits it.',
  references: ['https://git-scm.com/docs/gitignore'],
  category: 'hygiene',
} as const satisfies RuleInfo;

export interface WorktreeHygieneInput extends EnvInventory {
  /** Root of the scan; finding paths are relative to it. */
  scanRoot: string;
  /** The env files in `envFiles` that git tracks. */
  tracked: ReadonlySet<string>;
}

/**
 * The hygiene findings of a work tree, one per env file at most: a tracked env file (with the
 * missing ignore entry folded in when there is one), an untracked env file that no ignore rule
 * covers, and a project that loads .env files but would not ignore one. The suggested lines come
 * from ignoreEntry(), the same lines `keyguard fix` writes.
 */
export async function worktreeHygieneFindings(input: WorktreeHygieneInput): Promise<RawFinding[]> {
  const toScanPath = (worktreePath: string) => relative(input.scanRoot, join(input.worktree, worktreePath)).split(sep).join('/');
  const { plans, uncovered } = await auditIgnoreRules(input);
  const planFor = new Map<string, IgnorePlan>(plans.flatMap((plan) => plan.uncovered.map((path) => [path, plan] as const)));
  const findings: RawFinding[] = [];
  for (const path of input.envFiles) {
    const plan = planFor.get(path);
    const file = toScanPath(path);
    if (input.tracked.has(path)) {
      findings.push(plan ? trackedUncoveredEnvFileFinding(file, toScanPath(plan.gitignore), describeEntry(plan.lines)) : envFileFinding('tracked', file));
    } else if (plan && uncovered.has(path)) {
      findings.push(hygieneFinding(GITIGNORE_RULE, file, `${file} is not covered by any ignore rule.`, `To keep it out of git, ${action(plan, toScanPath)} (or run \`keyguard fix\`).`));
    }
  }
  for (const plan of plans.filter((candidate) => candidate.uncovered.length === 0)) {
    findings.push(
      hygieneFinding(
        GITIGNORE_RULE,
        toScanPath(plan.gitignore),
        'The project loads a .env file (dotenv is a dependency) but no ignore rule covers .env.',
        `Before anyone creates one, ${action(plan, toScanPath)} (or run \`keyguard fix\`).`,
      ),
    );
  }
  return findings;
}

function action(plan: IgnorePlan, toScanPath: (path: string) => string): string {
  const where = toScanPath(plan.gitignore);
  const lines = describeEntry(plan.lines);
  return plan.exists ? `add ${lines} to ${where}` : `create ${where} with ${lines}`;
}
