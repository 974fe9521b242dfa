import { gitStdout, splitNul } from './run.js';

/**
 * Which of `paths` (relative to `worktree`) git's ignore rules cover: every .gitignore,
 * .git/info/exclude and core.excludesFile, with git's own precedence and negation. `--no-index`
 * judges the patterns alone, so a tracked file still counts as covered when a pattern matches it.
 */
export async function ignoredByGit(worktree: string, paths: readonly string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  // Exit status 1 means "none of the paths is ignored", not a failure.
  const output = await gitStdout(worktree, ['check-ignore', '--no-index', '-z', '--stdin'], {
    input: paths.map((path) => `${path}\0`).join(''),
    okStatuses: [1],
  });
  return new Set(splitNul(output));
}
