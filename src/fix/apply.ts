import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/write-atomic.js';
import { gitStdout } from '../git/run.js';
import { appendIgnoreLines } from './gitignore-edit.js';
import type { FixPlan } from './plan.js';

/**
 * Carries out a plan: the .gitignore lines first (each file replaced atomically), then the
 * untracking, so an untracked env file is already ignored and cannot be re-added by `git add .`.
 * `git rm --cached` touches only the named paths in the index: other staged changes and every
 * file on disk stay as they are.
 */
export async function applyFix(plan: FixPlan): Promise<void> {
  for (const edit of plan.ignoreEdits) {
    const file = join(plan.worktree, edit.gitignore);
    writeFileAtomic(file, appendIgnoreLines(edit.exists ? readFileSync(file) : null, edit.lines));
  }
  if (plan.untrack.length > 0) {
    // --literal-pathspecs: a file named `*.env` is that file, not a pattern.
    await gitStdout(plan.worktree, ['--literal-pathspecs', 'rm', '--cached', '--quiet', '--', ...plan.untrack]);
  }
}
