import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { InitError } from './outcome.js';

const execFileAsync = promisify(execFile);

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
    output = (await git(directory, ['rev-parse', '--show-toplevel', '--git-path', 'hooks'])).stdout;
  } catch (error) {
    if (isMissingGit(error)) throw new InitError('git is not installed or not on PATH');
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
  try {
    const { stdout } = await git(directory, ['config', '--show-scope', '--get', 'core.hooksPath']);
    const [scope = '', value = ''] = stdout.replace(/\n$/, '').split('\t');
    return { scope, value };
  } catch {
    // `git config --get` exits 1 when the key is unset.
    return null;
  }
}

function git(cwd: string, args: string[]): Promise<{ stdout: string }> {
  return execFileAsync('git', args, { cwd, encoding: 'utf8' });
}

function isMissingGit(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}
