import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { GIT_MISSING_MESSAGE, GitError, gitStderrReason } from './errors.js';

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
  /** For the small question-and-answer commands; bulk streams use spawnGit. */
  git: SimpleGit;
}

/**
 * Opens `root` as a git repository or throws a one-line GitError. simple-git fits here: a few
 * short commands whose output is a line or two. Bare repositories are fine: history needs no
 * work tree.
 */
export async function openRepository(root: string): Promise<Repository> {
  const cwd = resolve(root);
  let git: SimpleGit;
  try {
    // Inherits process.env: simple-git refuses an explicit env that holds EDITOR, PAGER and the like.
    git = simpleGit({ baseDir: cwd });
  } catch {
    throw new GitError(`no such directory: ${cwd}`);
  }
  const answer = await askGit(git, ['rev-parse', '--absolute-git-dir', '--is-bare-repository', '--is-shallow-repository', '--show-prefix'], cwd);
  const [gitDir = '', bare, shallow, prefix = ''] = answer.split('\n');
  return { cwd, gitDir, prefix, bare: bare === 'true', shallow: shallow === 'true', git };
}

/** Runs a short git command and returns its trimmed output, turning failures into GitErrors. */
export async function askGit(git: SimpleGit, args: string[], cwd: string): Promise<string> {
  try {
    return (await git.raw(args)).trim();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/spawn \S+ ENOENT/.test(message)) throw new GitError(GIT_MISSING_MESSAGE);
    if (/not a git repository/i.test(message)) throw new GitError(`not a git repository: ${cwd}`);
    throw new GitError(gitStderrReason(message) || `git ${args[0]} failed in ${cwd}`);
  }
}

/**
 * The warning for a shallow clone, naming the newest boundary commit: its parents are missing, so
 * older history (possibly holding keys that were removed since) cannot be scanned.
 */
export async function shallowCloneWarning(repo: Repository): Promise<string> {
  const shallowFile = resolve(repo.cwd, await askGit(repo.git, ['rev-parse', '--git-path', 'shallow'], repo.cwd));
  const boundaries = (await readFile(shallowFile, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  const fix = 'fetch with --unshallow to scan it all';
  if (boundaries.length === 0) return `shallow clone: older history is not available; ${fix}`;
  const newest = await askGit(repo.git, ['log', '--no-walk', '--date-order', '-n', '1', '--format=%H %cs', ...boundaries], repo.cwd);
  const [sha = '', date = ''] = newest.split(' ');
  return `shallow clone: history before ${date} (commit ${sha.slice(0, 12)}) is not available; ${fix}`;
}
