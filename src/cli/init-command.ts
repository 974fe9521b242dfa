import { resolve } from 'node:path';
import { formatInitResult, runInit } from '../init/init.js';
import { printable } from '../report/printable.js';

/** `keyguard init`: install the pre-commit guard and say what changed. */
export async function runInitCommand(path: string, force: boolean): Promise<number> {
  const result = await runInit({ cwd: resolve(path), force });
  // Lines echo the path argument and file names, which may hold escape sequences.
  const text = formatInitResult(result).split('\n').map(printable).join('\n');
  if (result.exitCode === 0) {
    process.stdout.write(text);
  } else {
    const { redactKeysIn } = await import('../detect/redact-text.js');
    process.stderr.write(await redactKeysIn(text));
  }
  return result.exitCode;
}
