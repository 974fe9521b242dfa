import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { GIT_MISSING_MESSAGE, GitError, gitStderrReason } from './errors.js';

/**
 * The one way keyguard runs git. Every git process — bulk streams (log --raw, cat-file, diff) and
 * short questions (rev-parse, config, check-ignore) alike — starts here, with settings that keep a
 * scanned repository's own configuration from running code: keyguard reads other people's
 * repositories (a cloned project, an unpacked archive holding a `.git`), and a `.git/config` can
 * name programs that git would otherwise start on its behalf.
 *
 * Streams are read with backpressure (the consumer pulls), so a history of gigabytes never has to
 * fit in memory; that is also why no wrapper library that collects whole outputs sits on top.
 */
export interface GitProcess {
  stdin: Writable;
  stdout: Readable;
  /** Resolves when git exits with an accepted status; rejects with a GitError otherwise. */
  done: Promise<void>;
  /** Stops git early (the consumer stopped reading); `done` then resolves. */
  kill(): void;
}

/** Enough of stderr to explain a failure, without letting a chatty git grow memory. */
const STDERR_LIMIT = 8 * 1024;

/**
 * `-c` settings given before every command. Command-line settings take precedence over every
 * config file, including one the repository includes from elsewhere.
 */
export const HARDENED_CONFIG: readonly string[] = [
  // A configured fsmonitor is a program git starts on any command that reads the index.
  'core.fsmonitor=false',
  // Never a pager, never an external diff program, never a text conversion filter.
  'core.pager=cat',
  'diff.external=',
  'diff.noprefix=false',
  // Signature checks start gpg (or ssh-keygen, or whatever gpg.program names).
  'log.showSignature=false',
  'gpg.program=false',
  // Credential helpers are programs too; keyguard never talks to a remote.
  'credential.helper=',
  'protocol.allow=never',
  // The user's core.quotePath would escape paths in non -z output we parse.
  'core.quotePath=false',
  // Hooks are programs too: `git rm --cached` (keyguard fix) runs post-index-change. No hook lives
  // in /dev/null. (init, which reads where hooks go, opts out with `keepHooksPath`.)
  'core.hooksPath=/dev/null',
];

/** Environment for every git process. */
const GIT_ENV: Readonly<Record<string, string>> = {
  // Never wait for credentials on a TTY that nobody is watching.
  GIT_TERMINAL_PROMPT: '0',
  GIT_ASKPASS: 'false',
  SSH_ASKPASS: 'false',
  // In a partial clone a missing blob would be fetched from the remote one round trip at a time;
  // report it as unreadable instead (ignored by git versions that predate the variable).
  GIT_NO_LAZY_FETCH: '1',
  // Replace refs can make git show different content than the objects that were pushed.
  GIT_NO_REPLACE_OBJECTS: '1',
  // Read commands must not take the index lock or rewrite the index while the user works.
  GIT_OPTIONAL_LOCKS: '0',
  GIT_PAGER: 'cat',
  PAGER: 'cat',
  // Messages are matched in English (e.g. "not a git repository").
  LC_ALL: 'C',
  LANGUAGE: 'C',
};

/** Variables of the caller's environment that would make git run a program or read other config. */
const DROPPED_ENV = ['GIT_EXTERNAL_DIFF', 'GIT_EDITOR', 'GIT_SSH', 'GIT_SSH_COMMAND', 'GIT_PROXY_COMMAND', 'GIT_CONFIG_PARAMETERS', 'GIT_CONFIG_COUNT'];

function gitEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...GIT_ENV };
  for (const name of DROPPED_ENV) delete env[name];
  for (const name of Object.keys(env)) if (/^GIT_CONFIG_(?:KEY|VALUE)_\d+$/.test(name)) delete env[name];
  return env;
}

/** The full argument list: the hardening settings, then the command. */
export function hardenedArguments(args: readonly string[], options: SpawnOptions = {}): string[] {
  const settings = options.keepHooksPath ? HARDENED_CONFIG.filter((setting) => !setting.startsWith('core.hooksPath=')) : HARDENED_CONFIG;
  return [...settings.flatMap((setting) => ['-c', setting]), ...args];
}

export interface SpawnOptions {
  /** Exit statuses that mean success besides 0 (`git config --get` exits 1 for an unset key). */
  okStatuses?: readonly number[];
  /**
   * Leaves core.hooksPath as configured, for a command that asks where hooks go (init's
   * `rev-parse --git-path hooks`, `config --get core.hooksPath`). Only for commands that run no hook.
   */
  keepHooksPath?: boolean;
}

export function spawnGit(cwd: string, args: readonly string[], options: SpawnOptions = {}): GitProcess {
  const child = spawn('git', hardenedArguments(args, options), { cwd, env: gitEnvironment(), stdio: ['pipe', 'pipe', 'pipe'] });
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
      if (code === 0 || killed || (code !== null && options.okStatuses?.includes(code))) resolve();
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

/**
 * Runs a git command with a bounded answer (a file list, a config value) and returns its stdout as
 * is; `input` is written to its stdin.
 */
export async function gitStdout(cwd: string, args: readonly string[], options: SpawnOptions & { input?: string } = {}): Promise<string> {
  const git = spawnGit(cwd, args, options);
  let output = '';
  git.stdout.setEncoding('utf8');
  git.stdout.on('data', (text: string) => (output += text));
  git.stdin.end(options.input ?? '');
  await git.done;
  return output;
}

/** Runs a git command with a short answer and returns its stdout, trimmed. */
export async function gitOutput(cwd: string, args: readonly string[], options: SpawnOptions = {}): Promise<string> {
  return (await gitStdout(cwd, args, options)).trim();
}

/** Splits NUL-separated git output (`-z`), dropping the trailing empty entry. */
export function splitNul(output: string): string[] {
  return output.split('\0').filter((entry) => entry !== '');
}
