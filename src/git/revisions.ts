import { GitError } from './errors.js';
import { askGit, type Repository } from './repository.js';

export interface RevisionOptions {
  /** Scan only commits not reachable from this revision. A value with `..` is taken as a range. */
  since?: string;
  /** `A..B` or `A...B`, passed to git as is. */
  range?: string;
  /** Walk only this ref instead of every ref. */
  branch?: string;
}

/**
 * The revision arguments for `git log`, each one verified first so that a typo is a one-line
 * error and not an empty, silently "clean" scan.
 *
 * - default: `--all` (branches, tags, remotes, stash, notes) — a key on any ref has been shared.
 * - `branch`: that ref only.
 * - `since X`: the same refs minus everything reachable from X (`--all ^X`), i.e. what was
 *   committed after X on any ref, not only on HEAD's branch.
 * - `range A..B`: exactly what git means by it; it replaces the ref selection.
 */
export async function resolveRevisions(repo: Repository, options: RevisionOptions): Promise<string[]> {
  await requireCommits(repo);
  const range = options.range ?? (options.since?.includes('..') ? options.since : undefined);
  if (range !== undefined) {
    if (options.branch !== undefined) throw new GitError('--branch cannot be combined with a range; write the branch into the range (A..branch)');
    for (const end of range.split(/\.{2,3}/)) if (end) await verifyCommit(repo, end);
    return [range];
  }
  if (options.branch !== undefined) await verifyCommit(repo, options.branch);
  if (options.since !== undefined) await verifyCommit(repo, options.since);
  const tips = options.branch === undefined ? ['--all'] : [options.branch];
  return options.since === undefined ? tips : [...tips, `^${options.since}`];
}

async function verifyCommit(repo: Repository, revision: string): Promise<void> {
  // A leading dash would be read as an option by every git command that receives it.
  if (revision.startsWith('-')) throw new GitError(`not a revision: ${revision}`);
  const sha = await askGit(repo.cwd, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]).catch(() => '');
  if (!sha) throw new GitError(`unknown revision: ${revision} (not a branch, tag or commit in ${repo.cwd})`);
}

async function requireCommits(repo: Repository): Promise<void> {
  const any = await askGit(repo.cwd, ['rev-list', '-n', '1', '--all']);
  if (!any) throw new GitError(`no commits to scan: ${repo.cwd} is an empty repository`);
}
