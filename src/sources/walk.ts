import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { buildOutputUnder, isDependencyFolder } from '../build-output.js';
import { IgnoreRules } from './ignore-rules.js';

export interface WalkedFile {
  absolutePath: string;
}

/** Which ignore files excluded something: git's (.gitignore, info/exclude) or the user's .keyguardignore. */
export type IgnoredBy = 'gitignore' | 'keyguardignore';

export interface WalkOptions {
  /** Scan ignored build output that ships to browsers (src/build-output.ts) anyway. */
  buildOutput: boolean;
  /** A folder that could not be read (its error code): nothing in it was scanned. */
  onUnreadable(path: string, code: string): void;
  /** An ignored file, or an ignored folder that was not entered at all. */
  onIgnored(path: string, isDirectory: boolean, by: IgnoredBy): void;
  /** A FIFO, socket or device: never opened in a walk (a FIFO nobody writes to would block). */
  onNotAFile(path: string): void;
}

/**
 * Depth-first walk of `dir` that applies ignore rules as it goes: an ignored folder is pruned
 * before it is read, and `.git` is never entered. Symbolic links are not followed (as git does
 * not follow them), which also makes symlink loops impossible.
 *
 * An ignored folder that is build output (`dist/`, `.next/static/` …) of a project folder (the
 * walk's start, or a folder with a package.json) is walked anyway, whole: .gitignore says it is
 * not source, but every visitor downloads it.
 *
 * fast-glob cannot apply nested .gitignore files with git's precedence while it walks, so this is
 * a plain readdir walk with the `ignore` package deciding each entry.
 */
export function* walk(dir: string, rules: IgnoreRules, options: WalkOptions, where: 'start' | 'inside' | 'in-dependency' = 'start'): Generator<WalkedFile> {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    options.onUnreadable(dir, (error as NodeJS.ErrnoException).code ?? 'EIO');
    return;
  }
  const names = new Set(entries.map((entry) => entry.name));
  const here = rules.withFolder(dir, names);
  // Build output of installed dependencies is theirs, not the project's.
  const isProject = where === 'start' || (where === 'inside' && names.has('package.json'));
  for (const entry of entries) {
    const absolutePath = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === '.git') continue;
      if (!here.isIgnored(absolutePath, true)) {
        yield* walk(absolutePath, here, options, where === 'in-dependency' || isDependencyFolder(entry.name) ? 'in-dependency' : 'inside');
        continue;
      }
      const by: IgnoredBy = here.isExemptedByKeyguardIgnore(absolutePath, true) ? 'keyguardignore' : 'gitignore';
      const shipped = by === 'gitignore' && options.buildOutput && isProject ? shippedFolders(dir, entry.name) : [];
      if (!shipped.includes(absolutePath)) options.onIgnored(absolutePath, true, by);
      for (const folder of shipped) yield* walk(folder, here.withoutGitignoreLevels(false), options, 'inside');
    } else if (entry.isFile()) {
      if (!here.isIgnored(absolutePath, false)) yield { absolutePath };
      else options.onIgnored(absolutePath, false, here.isExemptedByKeyguardIgnore(absolutePath, false) ? 'keyguardignore' : 'gitignore');
    } else if (!entry.isSymbolicLink() && !here.isIgnored(absolutePath, false)) {
      options.onNotAFile(absolutePath);
    }
  }
}

/** The build-output folders that exist at or below the ignored folder `parent/name`. */
function shippedFolders(parent: string, name: string): string[] {
  return buildOutputUnder(name)
    .map((folder) => join(parent, folder))
    .filter(isDirectory);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
