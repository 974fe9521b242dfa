import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, sep } from 'node:path';
import { buildOutputUnder, isDependencyFolder } from '../build-output.js';
import { IGNORE_FILE_NAMES, IgnoreRules } from './ignore-rules.js';

const IGNORE_FILE_NAME_SET: ReadonlySet<string> = new Set(IGNORE_FILE_NAMES);

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
 * a plain readdir walk with the `ignore` package deciding each entry. It keeps its own stack of
 * open folders: a recursive generator hands each file up through every level (`yield*`), which
 * cost more CPU than the readdir calls on a deep node_modules tree. Entries come in readdir order,
 * a folder's files before it moves on, exactly as the recursive walk did.
 */
export function* walk(dir: string, rules: IgnoreRules, options: WalkOptions, where: Where = 'start'): Generator<WalkedFile> {
  const stack: Folder[] = [{ dir, rules, where, open: null }];
  while (stack.length > 0) {
    const folder = stack[stack.length - 1]!;
    const open = (folder.open ??= openFolder(folder, options));
    if (open === false || open.next >= open.entries.length) {
      stack.pop();
      continue;
    }
    const entry = open.entries[open.next++]!;
    const absolutePath = childPath(folder.dir, entry.name);
    const { here } = open;
    if (entry.isDirectory()) {
      if (entry.name === '.git') continue;
      if (!here.isIgnored(absolutePath, true)) {
        stack.push({ dir: absolutePath, rules: here, where: folder.where === 'in-dependency' || isDependencyFolder(entry.name) ? 'in-dependency' : 'inside', open: null });
        continue;
      }
      const by: IgnoredBy = here.isExemptedByKeyguardIgnore(absolutePath, true) ? 'keyguardignore' : 'gitignore';
      const shipped = by === 'gitignore' && options.buildOutput && open.isProject ? shippedFolders(folder.dir, entry.name) : [];
      if (!shipped.includes(absolutePath)) options.onIgnored(absolutePath, true, by);
      // Pushed last first, so they are walked in order.
      const inside = here.withoutGitignoreLevels(false);
      for (const shippedFolder of shipped.reverse()) stack.push({ dir: shippedFolder, rules: inside, where: 'inside', open: null });
    } else if (entry.isFile()) {
      if (!here.isIgnored(absolutePath, false)) yield { absolutePath };
      else options.onIgnored(absolutePath, false, here.isExemptedByKeyguardIgnore(absolutePath, false) ? 'keyguardignore' : 'gitignore');
    } else if (!entry.isSymbolicLink() && !here.isIgnored(absolutePath, false)) {
      options.onNotAFile(absolutePath);
    }
  }
}

type Where = 'start' | 'inside' | 'in-dependency';

/** A folder on the walk's stack; read when the walk reaches it (`open`), false when unreadable. */
interface Folder {
  dir: string;
  /** Rules in force before the folder's own ignore files. */
  rules: IgnoreRules;
  where: Where;
  open: OpenFolder | false | null;
}

interface OpenFolder {
  entries: Dirent[];
  next: number;
  /** The rules with the folder's own ignore files. */
  here: IgnoreRules;
  /** Build output of installed dependencies is theirs, not the project's. */
  isProject: boolean;
}

function openFolder({ dir, rules, where }: Folder, options: WalkOptions): OpenFolder | false {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    options.onUnreadable(dir, (error as NodeJS.ErrnoException).code ?? 'EIO');
    return false;
  }
  // The few names that matter, without a set of every name (most folders have neither).
  const present = new Set<string>();
  for (const { name } of entries) if (name === 'package.json' || IGNORE_FILE_NAME_SET.has(name)) present.add(name);
  return { entries, next: 0, here: rules.withFolder(dir, present), isProject: where === 'start' || (where === 'inside' && present.has('package.json')) };
}

/** `join` without its normalising: an entry name is never empty, `.`, `..` or holds a separator. */
function childPath(dir: string, name: string): string {
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
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
