import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface RepoLocation {
  /** The work tree's top folder. */
  worktree: string;
  /** The repository's git folder (`.git`, or where a `.git` file points for worktrees and submodules). */
  gitDir: string;
}

/**
 * Finds the repository holding `start` by looking for `.git` upwards, without spawning git: the
 * tree scan needs this on every run and a process start would cost more than the lookup.
 */
export function locateRepo(start: string): RepoLocation | null {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git');
    try {
      const stats = statSync(dotGit);
      if (stats.isDirectory()) return { worktree: dir, gitDir: dotGit };
      if (stats.isFile()) {
        const pointer = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'));
        if (pointer) return { worktree: dir, gitDir: resolve(dir, pointer[1]!.trim()) };
      }
    } catch {
      // no .git here: keep looking upwards
    }
    if (dirname(dir) === dir) return null;
  }
}
