import { shortSha } from '../finding/short-sha.js';
import { resolve } from 'node:path';
import { GitError } from './errors.js';
import { gitOutput } from './run.js';

/** What a history scan needs to know about the repository before it walks it. */
export interface Repository {
  /** Directory git runs in: the scan root (a work tree, any folder inside one, or a bare repository). */
  cwd: string;
  gitDir: string;
  /**
   * Where `cwd` sits below the work tree's top level (`sub/dir/`), empty at the top and in a bare
   * repository. Git reports paths from the top level; the scan reports them from `cwd`.
   */
  prefix: string;
  bare: boolean;
  shallow: boolean;
}

/**
 * Opens `root` as a git repository or throws a one-line GitError. Bare repositories are fine:
 * history needs no work tree.
 */
export async function openRepository(root: string): Promise<Repository> {
  const cwd = resolve(root);
  const answer = await askGit(cwd, ['rev-parse', '--absolute-git-dir', '--is-bare-repository', '--is-shallow-repository', '--show-prefix']);
  const [gitDir = '', bare, shallow, prefix = ''] = answer.split('\n');
  return { cwd, gitDir, prefix, bare: bare === 'true', shallow: shallow === 'true' };
}

/** Runs a short git command and returns its trimmed output; "not a git repository" reads as such. */
export async function askGit(cwd: string, args: string[]): Promise<string> {
  try {
    return await gitOutput(cwd, args);
  } catch (error) {
    if (error instanceof GitError && /not a git repository/i.test(error.message)) throw new GitError(`not a git repository: ${cwd}`);
    throw error;
  }
}

/**
 * The warning for a shallow clone, naming the newest boundary commit: its parents are missing, so
 * older history (possibly holding keys that were removed since) cannot be scanned.
 */
export async function shallowCloneWarning(repo: Repository): Promise<string> {
  const shallowFile = resolve(repo.cwd, await askGit(repo.cwd, ['rev-parse', '--git-path', 'shallow']));
  const { readFile } = await import('node:fs/promises'); // only here: a staged scan loads this module too
  const boundaries = (await readFile(shallowFile, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  const fix = 'fetch with --unshallow to scan it all';
  if (boundaries.length === 0) return `shallow clone: older history is not available; ${fix}`;
  const newest = await askGit(repo.cwd, ['log', '--no-walk', '--date-order', '-n', '1', '--format=%H %cs', ...boundaries]);
  const [sha = '', date = ''] = newest.split(' ');
  return `shallow clone: history before ${date} (commit ${shortSha(sha)}) is not available; ${fix}`;
}
