import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gitStdout } from './run.js';

/**
 * The patterns of the user's own ignore file, git's third ignore source after .gitignore files and
 * .git/info/exclude: the file `core.excludesFile` names, else `$XDG_CONFIG_HOME/git/ignore`, else
 * `~/.config/git/ignore`. Null when there is none.
 *
 * git resolves the setting over every config file (system, global, the repository's own, includes)
 * and expands `~` (`--path`); a relative value is relative to the work tree's top, where git runs.
 * A repository's own config can point this anywhere, as its .git/info/exclude can hide anything:
 * neither can hide a tracked file, which is always scanned. A missing file adds nothing, as in git;
 * an unreadable one too (git warns and goes on), which errs towards scanning more, never less.
 */
export async function readUserExcludes(worktree: string): Promise<string | null> {
  // Exit status 1: not set. An empty value is set: git then reads no file at all.
  const answer = await gitStdout(worktree, ['config', '--path', '--get', 'core.excludesFile'], { okStatuses: [1] });
  const file = answer === '' ? defaultExcludesFile() : answer.replace(/\n$/, '');
  if (!file) return null;
  return readRegularFile(resolve(worktree, file));
}

/**
 * Only a regular file is read: git takes anything else (a FIFO, /dev/zero) by its size, zero, so
 * as empty; opening a FIFO would wait for a writer, and a device might never end.
 */
async function readRegularFile(path: string): Promise<string | null> {
  const stats = await stat(path).catch(() => null);
  if (!stats?.isFile()) return null;
  return readFile(path, 'utf8').catch(() => null);
}

/** Where git looks when core.excludesFile is not set; an empty XDG_CONFIG_HOME counts as unset, as in git. */
function defaultExcludesFile(): string | null {
  const xdg = process.env.XDG_CONFIG_HOME;
  if (xdg) return join(xdg, 'git', 'ignore');
  const home = process.env.HOME;
  return home ? join(home, '.config', 'git', 'ignore') : null;
}
