import { lstat, readFile } from 'node:fs/promises';
import { InitError } from './outcome.js';

/** The file's text, or null when there is no such file; a file init cannot read stops it with one line. */
export async function readIfExists(filePath: string, shown: string): Promise<string | null> {
  try {
    return await readFile(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a file stands where a folder on the path should be; the edit check says so.
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new InitError(`cannot read ${shown}: ${code ?? (error as Error).message}`);
  }
}

/** Whether anything (file, directory, even a dangling symlink) is at the path. */
export async function pathExists(filePath: string): Promise<boolean> {
  return lstat(filePath).then(() => true, () => false);
}
