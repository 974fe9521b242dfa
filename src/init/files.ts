import { lstat, readFile } from 'node:fs/promises';

/** The file's text, or null when there is no such file. */
export async function readIfExists(filePath: string): Promise<string | null> {
  try {
    return await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Whether anything (file, directory, even a dangling symlink) is at the path. */
export async function pathExists(filePath: string): Promise<boolean> {
  return lstat(filePath).then(() => true, () => false);
}
