import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A real git repository in a temp folder, driven by the git CLI. */
export interface TestRepo {
  dir: string;
  /** Runs git in the repository and returns its stdout, trimmed. */
  git(...args: string[]): string;
  /** Writes a file in the work tree, creating folders as needed. */
  write(path: string, content: string | Buffer): void;
  /**
   * Stages everything (`git add -A`) and commits; returns the commit sha. Without a date, each
   * commit is one hour after the previous one, so walk order never depends on the clock.
   */
  commit(message: string, date?: string): string;
}

// The machine's git config (commit signing, hooks, templates) must not change what tests create.
const ISOLATED_GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const FIRST_COMMIT_TIME = Date.parse('2024-01-01T09:00:00Z');
const HOUR_MS = 60 * 60 * 1000;
const createdDirectories: string[] = [];

export function runGitIn(dir: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...ISOLATED_GIT_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** An empty temp folder, removed by removeTestRepos(). */
export function makeTempDir(prefix = 'keyguard-git-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  createdDirectories.push(dir);
  return dir;
}

/** Writes a file below `dir`, creating folders as needed (also what TestRepo.write does). */
export function writeFileIn(dir: string, path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
}

/** A repository wrapper for an existing folder (a clone, a bare repository). */
export function openTestRepo(dir: string): TestRepo {
  let commits = 0;
  return {
    dir,
    git: (...args) => runGitIn(dir, args),
    write: (path, content) => writeFileIn(dir, path, content),
    commit(message, date) {
      const when = date ?? new Date(FIRST_COMMIT_TIME + commits * HOUR_MS).toISOString();
      commits += 1;
      runGitIn(dir, ['add', '-A']);
      runGitIn(dir, ['commit', '-q', '--allow-empty', '-m', message], { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when });
      return runGitIn(dir, ['rev-parse', 'HEAD']);
    },
  };
}

/** A fresh repository on branch `main` with a local identity. */
export function makeRepo(): TestRepo {
  const dir = makeTempDir();
  runGitIn(dir, ['init', '-q', '-b', 'main']);
  runGitIn(dir, ['config', 'user.name', 'Keyguard Test']);
  runGitIn(dir, ['config', 'user.email', 'keyguard-test@example.com']);
  return openTestRepo(dir);
}

/** Call from afterAll/afterEach. */
export function removeTestRepos(): void {
  for (const dir of createdDirectories.splice(0)) rmSync(dir, { recursive: true, force: true });
}
