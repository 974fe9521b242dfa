import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathInside } from '../sources/path-inside.js';

/**
 * Where a write to `filePath` would land if it followed a symbolic link there: the real path the
 * link leads to (for a dangling link, where it would lead), or null when `filePath` is not a
 * link. A scanned repository can hold a link at any name keyguard writes (a report, a hook, a
 * .gitignore, a baseline), so every writer checks where it leads before it writes.
 */
export function linkDestination(filePath: string): string | null {
  try {
    if (!lstatSync(filePath).isSymbolicLink()) return null;
  } catch {
    return null;
  }
  try {
    return realpathSync(filePath);
  } catch {
    return resolve(realpathSync(dirname(filePath)), readlinkSync(filePath));
  }
}

/** Whether `realPath` is in one of `folders` (real paths are compared, so each folder is resolved first). */
export function insideAny(realPath: string, folders: readonly string[]): boolean {
  return folders.some((folder) => {
    let real: string;
    try {
      real = realpathSync(folder);
    } catch {
      real = resolve(folder);
    }
    return pathInside(real, realPath) !== null;
  });
}
