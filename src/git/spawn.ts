import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { GIT_MISSING_MESSAGE, GitError, gitStderrReason } from './errors.js';

/**
 * Bulk git output (log --raw, cat-file, diff) goes through spawned processes rather than
 * simple-git: simple-git collects a command's whole stdout before resolving, while these streams
 * can be gigabytes and must be read with backpressure.
 */
export interface GitProcess {
  stdin: Writable;
  stdout: Readable;
  /** Resolves when git exits with status 0; rejects with a GitError otherwise. */
  done: Promise<void>;
  /** Stops git early (the consumer stopped reading); `done` then resolves. */
  kill(): void;
}

/** Enough of stderr to explain a failure, without letting a chatty git grow memory. */
const STDERR_LIMIT = 8 * 1024;

const GIT_ENV = {
  // Never wait for credentials on a TTY that nobody is watching.
  GIT_TERMINAL_PROMPT: '0',
  // In a partial clone a missing blob would be fetched from the remote one round trip at a time;
  // report it as unreadable instead (ignored by git versions that predate the variable).
  GIT_NO_LAZY_FETCH: '1',
  // Replace refs can make git show different content than the objects that were pushed.
  GIT_NO_REPLACE_OBJECTS: '1',
  // Messages are matched in English (e.g. "not a git repository").
  LC_ALL: 'C',
};

export function spawnGit(cwd: string, args: readonly string[]): GitProcess {
  const child = spawn('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  let killed = false;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    if (stderr.length < STDERR_LIMIT) stderr += text;
  });
  // A git that exits early closes its stdin; the exit status below is the error worth reporting.
  child.stdin.on('error', () => {});

  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (error) => {
      if (!isStartFailure(error)) return reject(new GitError(`git ${args[0]} failed: ${error.message}`));
      reject(new GitError(existsSync(cwd) ? GIT_MISSING_MESSAGE : `no such directory: ${cwd}`));
    });
    child.on('close', (code) => {
      if (code === 0 || killed) resolve();
      else reject(new GitError(gitStderrReason(stderr) || `git ${args[0]} exited with status ${code}`));
    });
  });
  // Callers that stop early never await `done`; a failure then must not surface as unhandled.
  done.catch(() => {});

  return {
    stdin: child.stdin,
    stdout: child.stdout,
    done,
    kill() {
      killed = true;
      child.kill();
    },
  };
}

function isStartFailure(error: NodeJS.ErrnoException): boolean {
  return error.code === 'ENOENT' && error.syscall?.startsWith('spawn') === true;
}

/** Runs a git command with a bounded answer (a file list, a config value) and returns its stdout as is. */
export async function gitStdout(cwd: string, args: readonly string[]): Promise<string> {
  const git = spawnGit(cwd, args);
  let output = '';
  git.stdout.setEncoding('utf8');
  git.stdout.on('data', (text: string) => (output += text));
  await git.done;
  return output;
}

/** Runs a git command with a short answer and returns its stdout, trimmed. */
export async function gitOutput(cwd: string, args: readonly string[]): Promise<string> {
  return (await gitStdout(cwd, args)).trim();
}

/** Splits NUL-separated git output (`-z`), dropping the trailing empty entry. */
export function splitNul(output: string): string[] {
  return output.split('\0').filter((entry) => entry !== '');
}
