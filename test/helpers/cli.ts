import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built CLI, as a user runs it (`npm test` builds before vitest runs). */
export const CLI = fileURLToPath(new URL('../../bin/keyguard.js', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `timeout` (ms) kills a run that would hang, for inputs that must not make keyguard wait forever. */
export function runCli(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string | Buffer; timeout?: number }): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...(options.timeout !== undefined && { timeout: options.timeout, killSignal: 'SIGKILL' as const }),
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
