import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, vi } from 'vitest';
import { makeRepo, removeTestRepos, runGitIn } from '../helpers/git-repo.js';

export { makeTempDir } from '../helpers/git-repo.js';

const execFileAsync = promisify(execFile);
const HUSKY_BIN = path.resolve(import.meta.dirname, '../../node_modules/husky/bin.js');

/**
 * Call at the top of a test file. Keeps the machine's git config (a global core.hooksPath, commit
 * signing, templates with hooks) out of the tests: the shared helpers isolate the git commands
 * they run, and the stubbed environment does the same for those that runInit runs in-process.
 * Removes the temp directories after each test.
 */
export function useGitSandbox(): void {
  beforeEach(() => {
    vi.stubEnv('GIT_CONFIG_GLOBAL', '/dev/null');
    vi.stubEnv('GIT_CONFIG_NOSYSTEM', '1');
    // A user's HUSKY=0 would silently skip the husky hooks under test.
    vi.stubEnv('HUSKY', undefined);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    removeTestRepos();
  });
}

/** A fresh repository on branch main with a local identity, so commits work anywhere. */
export function makeTempRepo(): string {
  return makeRepo().dir;
}

/** Runs git in `cwd` and returns its output, trimmed. */
export function git(cwd: string, ...args: string[]): string {
  return runGitIn(cwd, args);
}

/** What `npm install` does through a `"prepare": "husky"` script: writes .husky/_ and sets core.hooksPath. */
export async function runHuskyPrepare(root: string): Promise<void> {
  await execFileAsync(process.execPath, [HUSKY_BIN], { cwd: root });
}

export interface CommitAttempt {
  exitCode: number;
  output: string;
}

/** Stages everything and runs `git commit`, hooks included, with the given PATH. */
export async function tryCommit(root: string, message: string, searchPath: string): Promise<CommitAttempt> {
  await git(root, 'add', '-A');
  const env = { ...process.env, PATH: searchPath };
  try {
    const { stdout, stderr } = await execFileAsync('git', ['commit', '-q', '-m', message], { cwd: root, env, encoding: 'utf8' });
    return { exitCode: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { exitCode: failure.code ?? -1, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

/** The test process's PATH with `directory` searched first. */
export function pathWith(directory: string): string {
  return [directory, ...searchPathEntries()].join(path.delimiter);
}

/** The test process's PATH minus any directory that has a `keyguard`, for the machine that has one installed. */
export function pathWithoutKeyguard(): string {
  return searchPathEntries()
    .filter((directory) => !existsSync(path.join(directory, 'keyguard')))
    .join(path.delimiter);
}

function searchPathEntries(): string[] {
  return (process.env['PATH'] ?? '').split(path.delimiter).filter((directory) => directory !== '');
}

/** Writes an executable shell script, creating its directory. */
export async function writeScript(filePath: string, body: string): Promise<void> {
  await mkdir(path.dirname(filePath), { recursive: true });
  await writeFile(filePath, `#!/bin/sh\n${body}\n`);
  await chmod(filePath, 0o755);
}

export async function isExecutable(filePath: string): Promise<boolean> {
  return ((await stat(filePath)).mode & 0o111) !== 0;
}

/** Every file under a directory with its bytes and mode, to prove that init left it alone. */
export async function snapshotTree(directory: string): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  for (const entry of await readdir(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const filePath = path.join(entry.parentPath, entry.name);
    const mode = ((await stat(filePath)).mode & 0o777).toString(8);
    snapshot[path.relative(directory, filePath)] = `${mode} ${await readFile(filePath, 'utf8')}`;
  }
  return snapshot;
}

/** A GitHub token shaped string, built at run time so no key-like literal sits in the repository. */
export function fakeGitHubToken(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const body = Array.from(randomBytes(36), (byte) => alphabet[byte % alphabet.length]).join('');
  return 'gh' + 'p_' + body;
}
