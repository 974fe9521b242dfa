import { execFile } from 'node:child_process';
import { splitNul } from './spawn.js';

/**
 * Which of `paths` (relative to `worktree`) git's ignore rules cover: every .gitignore,
 * .git/info/exclude and core.excludesFile, with git's own precedence and negation. `--no-index`
 * judges the patterns alone, so a tracked file still counts as covered when a pattern matches it.
 */
export function ignoredByGit(worktree: string, paths: readonly string[]): Promise<Set<string>> {
  if (paths.length === 0) return Promise.resolve(new Set());
  return new Promise((resolve, reject) => {
    const child = execFile('git', ['check-ignore', '--no-index', '-z', '--stdin'], { cwd: worktree, encoding: 'utf8' }, (error, stdout, stderr) => {
      // Exit status 1 means "none of the paths is ignored", not a failure.
      if (error && error.code !== 1) reject(new Error(`git check-ignore failed: ${(stderr || error.message).trim().split('\n')[0]}`));
      else resolve(new Set(splitNul(stdout)));
    });
    child.stdin?.end(paths.map((path) => `${path}\0`).join(''));
  });
}
