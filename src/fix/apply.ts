import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { insideAny, linkDestination } from '../fs/link-destination.js';
import { writeFileAtomic } from '../fs/write-atomic.js';
import { filterDriversOff } from '../git/filter-drivers.js';
import { gitStdout } from '../git/run.js';
import { appendIgnoreLines } from './gitignore-edit.js';
import { FixError, type FixPlan } from './plan.js';

/**
 * Carries out a plan: the .gitignore lines first (each file replaced atomically), then the
 * untracking, so an untracked env file is already ignored and cannot be re-added by `git add .`.
 * `git rm --cached` touches only the named paths in the index: other staged changes and every
 * file on disk stay as they are.
 */
export async function applyFix(plan: FixPlan): Promise<void> {
  // Every file is checked before any is written: a .gitignore may be a link, and one leading out
  // of the repository would have fix read and rewrite a file of the user's elsewhere.
  const files = plan.ignoreEdits.map((edit) => {
    const file = join(plan.worktree, edit.gitignore);
    const leadsTo = linkDestination(file);
    if (leadsTo !== null && !insideAny(leadsTo, [plan.worktree])) {
      throw new FixError(`refusing to change ${edit.gitignore}: it is a symbolic link that leads outside the repository; nothing was changed`);
    }
    return { file: leadsTo ?? file, edit };
  });
  for (const { file, edit } of files) {
    writeFileAtomic(file, appendIgnoreLines(edit.exists ? readFileSync(file) : null, edit.lines));
  }
  if (plan.untrack.length > 0) {
    // --literal-pathspecs: a file named `*.env` is that file, not a pattern. No filter runs while git
    // compares the files with the index (an untrusted repository's config names the programs).
    const filtersOff = await filterDriversOff(plan.worktree);
    await gitStdout(plan.worktree, [...filtersOff, '--literal-pathspecs', 'rm', '--cached', '--quiet', '--', ...plan.untrack]);
  }
}
