import { execFile } from 'node:child_process';

/**
 * Runs one git command to completion and returns stdout. For small, bounded outputs only (file
 * lists, config values); bulk content is streamed through src/git/catfile.ts instead.
 */
export function runGit(cwd: string, args: readonly string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', [...args], { cwd, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`git ${args[0]} failed: ${(stderr || error.message).trim().split('\n')[0]}`));
      else resolve(stdout);
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Splits NUL-separated git output (`-z`), dropping the trailing empty entry. */
export function splitNul(output: string): string[] {
  return output.split('\0').filter((entry) => entry !== '');
}
