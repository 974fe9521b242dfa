import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { RawFinding } from '../finding/raw-finding.js';
import type { RuleInfo } from '../scan-result.js';
import { ignoredByGit } from '../git/check-ignore.js';
import { hygieneFinding } from './hygiene-finding.js';
import { projectLoadsDotenv } from './dotenv-usage.js';

export const GITIGNORE_RULE = {
  id: 'gitignore-missing-entry',
  name: 'Env file not covered by .gitignore',
  provider: 'Repository hygiene',
  severity: 'medium',
  description: 'An env file exists or the project loads one, and no ignore rule keeps it out of git, so the next `git add .` commits it.',
  references: ['https://git-scm.com/docs/gitignore'],
  category: 'hygiene',
} as const satisfies RuleInfo;

export interface GitignoreCheckInput {
  /** Top folder of the repository's work tree. */
  worktree: string;
  /** Root of the scan; finding paths are relative to it. */
  scanRoot: string;
  /** Env files that exist in the work tree, relative to `worktree`, forward slashes. */
  envFiles: readonly string[];
}

function toScanPath(input: GitignoreCheckInput, worktreePath: string): string {
  return relative(input.scanRoot, join(input.worktree, worktreePath)).split('\\').join('/');
}

function finding(file: string, message: string, remedy: string): RawFinding {
  return hygieneFinding(GITIGNORE_RULE, file, message, remedy);
}

/**
 * Reports env files that git's ignore rules do not cover, judged by git itself (check-ignore), and
 * a project that loads .env files but would not ignore one at its root. The suggested line is the
 * file's own name without a slash, which git matches at any depth and which cannot hide templates.
 */
export async function gitignoreFindings(input: GitignoreCheckInput): Promise<RawFinding[]> {
  const rootGitignore = toScanPath(input, '.gitignore');
  const gitignoreExists = existsSync(join(input.worktree, '.gitignore'));
  const action = gitignoreExists ? `add this line to ${rootGitignore}` : `create ${rootGitignore} with this line`;
  if (input.envFiles.length > 0) {
    const covered = await ignoredByGit(input.worktree, input.envFiles);
    return input.envFiles
      .filter((path) => !covered.has(path))
      .map((path) => {
        const line = path.slice(path.lastIndexOf('/') + 1);
        const file = toScanPath(input, path);
        return finding(file, `${file} is not covered by any ignore rule.`, `To keep it out of git, ${action}: ${line}`);
      });
  }
  if (!projectLoadsDotenv(input.worktree)) return [];
  const covered = await ignoredByGit(input.worktree, ['.env']);
  if (covered.has('.env')) return [];
  return [
    finding(
      rootGitignore,
      'The project loads a .env file (dotenv is a dependency) but no ignore rule covers .env.',
      `Before anyone creates one, ${action}: .env`,
    ),
  ];
}
