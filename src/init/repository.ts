import { stat } from 'node:fs/promises';
import path from 'node:path';
import { GIT_MISSING_MESSAGE, GitError } from '../git/errors.js';
import { gitStdout } from '../git/run.js';
import { InitError } from './outcome.js';

/** core.hooksPath as git sees it, and which config file (`local`, `global`, `system`...) set it. */
export interface HooksPathSetting {
  value: string;
  scope: string;
}

/** The few facts about a git repository that init needs. */
export interface Repository {
  /** Absolute path of the work tree root. */
  root: string;
  /** Absolute path of the directory git runs hooks from: core.hooksPath when set, else .git/hooks. */
  hooksDir: string;
  hooksPath: HooksPathSetting | null;
}

export async function openRepository(cwd: string): Promise<Repository> {
  const directory = path.resolve(cwd);
  const isDirectory = await stat(directory).then((stats) => stats.isDirectory(), () => false);
  if (!isDirectory) throw new InitError(`not a directory: ${directory}`);

  let output: string;
  try {
    // --git-path hooks already honours core.hooksPath; it prints a path relative to the cwd.
    output = await gitStdout(directory, ['rev-parse', '--show-toplevel', '--git-path', 'hooks'], { keepHooksPath: true });
  } catch (error) {
    if (error instanceof GitError && error.message === GIT_MISSING_MESSAGE) throw new InitError('git is not installed or not on PATH');
    throw new InitError(`not a git repository (or not inside its work tree): ${directory}`);
  }
  const [root = '', hooksDir = ''] = output.split('\n');
  return {
    root: path.resolve(root),
    hooksDir: path.resolve(directory, hooksDir),
    hooksPath: await readHooksPath(directory),
  };
}

async function readHooksPath(directory: string): Promise<HooksPathSetting | null> {
  // `git config --get` exits 1 when the key is unset.
  const stdout = await gitStdout(directory, ['config', '--show-scope', '--get', 'core.hooksPath'], { okStatuses: [1], keepHooksPath: true });
  if (stdout === '') return null;
  const [scope = '', value = ''] = stdout.replace(/\n$/, '').split('\t');
  return { scope, value };
}
