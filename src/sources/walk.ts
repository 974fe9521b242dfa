import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { IgnoreRules } from './ignore-rules.js';

export interface WalkedFile {
  absolutePath: string;
}

/**
 * Depth-first walk of `dir` that applies ignore rules as it goes: an ignored folder is pruned
 * before it is read, and `.git` is never entered. Symbolic links are not followed (as git does
 * not follow them), which also makes symlink loops impossible.
 *
 * fast-glob cannot apply nested .gitignore files with git's precedence while it walks, so this is
 * a plain readdir walk with the `ignore` package deciding each entry.
 */
export function* walk(dir: string, rules: IgnoreRules, onUnreadable: (path: string, code: string) => void): Generator<WalkedFile> {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    onUnreadable(dir, (error as NodeJS.ErrnoException).code ?? 'EIO');
    return;
  }
  const names = new Set(entries.map((entry) => entry.name));
  const here = rules.withFolder(dir, names);
  for (const entry of entries) {
    const absolutePath = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === '.git' || here.isIgnored(absolutePath, true)) continue;
      yield* walk(absolutePath, here, onUnreadable);
    } else if (entry.isFile()) {
      if (!here.isIgnored(absolutePath, false)) yield { absolutePath };
    }
  }
}
