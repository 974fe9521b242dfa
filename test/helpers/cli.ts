import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built CLI, as a user runs it (`npm test` builds before vitest runs). */
export const CLI = fileURLToPath(new URL('../../bin/keyguard.js', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The user tests run as when they run as root, which file permissions would not stop: nobody. */
const UNPRIVILEGED_ID = 65534;

/**
 * Whether a run with `unprivileged` meets file permissions: always when the suite does not run as
 * root; as root, only when the unprivileged user can reach the built CLI (not from inside a private
 * folder such as a 0700 temp dir).
 */
export const CAN_MEET_PERMISSIONS =
  process.getuid?.() !== 0 || spawnSync(process.execPath, [CLI, '--version'], { uid: UNPRIVILEGED_ID, gid: UNPRIVILEGED_ID }).status === 0;

/**
 * `timeout` (ms) kills a run that would hang, for inputs that must not make keyguard wait forever.
 * `unprivileged`: a folder the run must meet file permissions in (a read-only file is read-only);
 * as root, the folder is handed to an unprivileged user and the CLI runs as that user.
 * `fileSizeLimitKb`: no file the run writes may grow past this size (even as root).
 */
export function runCli(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string | Buffer; timeout?: number; unprivileged?: string; fileSizeLimitKb?: number },
): CliRun {
  const asRoot = options.unprivileged !== undefined && process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['-R', `${UNPRIVILEGED_ID}:${UNPRIVILEGED_ID}`, options.unprivileged!]);
  // A file size limit (`ulimit -f`, 512-byte blocks in sh) makes a write fail that every check before it passes (EFBIG).
  const [command, commandArgs] =
    options.fileSizeLimitKb === undefined
      ? [process.execPath, [CLI, ...args]]
      : ['sh', ['-c', 'ulimit -f "$0" && exec "$@"', String(options.fileSizeLimitKb * 2), process.execPath, CLI, ...args]];
  const result = spawnSync(command, commandArgs, {
    ...(asRoot && { uid: UNPRIVILEGED_ID, gid: UNPRIVILEGED_ID }),
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...(options.timeout !== undefined && { timeout: options.timeout, killSignal: 'SIGKILL' as const }),
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * runCli without blocking the test's event loop, for tests that answer the CLI from a server
 * running in the test process (the --verify stand-in): spawnSync would freeze that server.
 */
export function runCliAsync(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env: { ...process.env, NO_COLOR: '1', ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
