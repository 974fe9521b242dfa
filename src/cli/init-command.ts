import { resolve } from 'node:path';
import { formatInitResult, runInit } from '../init/init.js';

/** `keyguard init`: install the pre-commit guard and say what changed. */
export async function runInitCommand(path: string, force: boolean): Promise<number> {
  const result = await runInit({ cwd: resolve(path), force });
  (result.exitCode === 0 ? process.stdout : process.stderr).write(formatInitResult(result));
  return result.exitCode;
}
