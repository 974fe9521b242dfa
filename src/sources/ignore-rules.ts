import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ignore, { type Ignore, type TestResult } from 'ignore';
import { pathInside } from './path-inside.js';

/** The ignore files a folder may hold; later ones take precedence over earlier ones in the same folder. */
export const IGNORE_FILE_NAMES = ['.gitignore', '.keyguardignore'] as const;
type IgnoreFileName = (typeof IGNORE_FILE_NAMES)[number];

/** Which kinds of ignore rules a scan honours: `--no-ignore` and `--no-keyguardignore` turn them off. */
export interface IgnoreChoice {
  /** .gitignore files, .git/info/exclude and core.excludesFile. */
  gitignore: boolean;
  keyguardignore: boolean;
}

export const ALL_IGNORE_RULES: IgnoreChoice = { gitignore: true, keyguardignore: true };

function fileNamesFor(choice: IgnoreChoice): readonly IgnoreFileName[] {
  return IGNORE_FILE_NAMES.filter((name) => (name === '.gitignore' ? choice.gitignore : choice.keyguardignore));
}

interface Level {
  /** Absolute folder the patterns are relative to. */
  base: string;
  matcher: Ignore;
  /** True for .keyguardignore: the user's explicit exemption, which even tracked files obey. */
  keyguardOnly: boolean;
  /** `matcher` for paths of a given depth with every folder above that depth re-included (`matchAlone`). */
  aloneAtDepth: Map<number, Ignore>;
}

/**
 * A matcher that tells case apart, as git does unless core.ignorecase is set (on case-insensitive
 * file systems), where `ignore` by default does not: `.env` would hide `.ENV`, which git lists.
 * Where git folds case, this scans a file git would leave out, never the other way round.
 */
function matcher(): Ignore {
  return ignore({ ignorecase: false });
}

function level(base: string, patterns: string, keyguardOnly: boolean): Level {
  return { base, matcher: matcher().add(patterns), keyguardOnly, aloneAtDepth: new Map() };
}

/**
 * How one ignore file's patterns judge `rel` (relative to the file's folder, `/`-separated, with a
 * trailing `/` for a folder) by its own name alone, as git matches each path during its walk.
 * `ignore` also answers "ignored" when a folder above the path is excluded by the same file,
 * which is git's verdict only when no other file re-includes that folder; and it has no public
 * way to leave the folders out. So when a folder above is excluded in this file, the path is
 * asked of the same patterns followed by one negation per depth above the path's: `!/` and then
 * `*` + `/` once, twice … Those re-include exactly the folders above the path (a `*` never matches
 * a `/`) and match nothing at its own depth, so the verdict comes from the file's own patterns.
 */
function matchAlone(level: Level, rel: string): TestResult {
  const verdict = level.matcher.test(rel);
  if (!verdict.ignored) return verdict; // nothing above it is excluded here, or it would be too
  const name = rel.endsWith('/') ? rel.slice(0, -1) : rel;
  const parentEnd = name.lastIndexOf('/');
  if (parentEnd < 0 || !level.matcher.test(name.slice(0, parentEnd + 1)).ignored) return verdict;
  const depth = name.split('/').length;
  let alone = level.aloneAtDepth.get(depth);
  if (!alone) {
    const foldersAbove = Array.from({ length: depth - 1 }, (_, i) => `!/${'*/'.repeat(i + 1)}`);
    alone = matcher().add(level.matcher).add(foldersAbove);
    level.aloneAtDepth.set(depth, alone);
  }
  return alone.test(rel);
}

/**
 * Git's verdict on paths from a list of ignore levels, shallowest first: for each path the last
 * matching pattern over all levels decides (a deeper file over a shallower one, a later line over
 * an earlier one), and a path in an excluded folder is excluded whatever its own verdict, since
 * git does not enter an excluded folder.
 */
class Verdicts {
  /** Folders known to be excluded, themselves or through a folder above: the walk asks for each entry. */
  private readonly folders = new Map<string, boolean>();

  constructor(readonly levels: readonly Level[]) {}

  excludes(absolutePath: string, isDirectory: boolean): boolean {
    return this.folderExcludes(dirname(absolutePath)) || this.matches(absolutePath, isDirectory);
  }

  private folderExcludes(folder: string): boolean {
    const top = this.levels[0]?.base;
    if (top === undefined || !pathInside(top, folder)) return false; // the top folder and above: no level judges them
    let excluded = this.folders.get(folder);
    if (excluded === undefined) {
      excluded = this.folderExcludes(dirname(folder)) || this.matches(folder, true);
      this.folders.set(folder, excluded);
    }
    return excluded;
  }

  /** The path's own verdict: the last pattern to match it by its own name, over all levels. */
  private matches(absolutePath: string, isDirectory: boolean): boolean {
    for (let i = this.levels.length - 1; i >= 0; i--) {
      const level = this.levels[i]!;
      const rel = pathInside(level.base, absolutePath);
      if (!rel) continue;
      const verdict = matchAlone(level, isDirectory ? `${rel}/` : rel);
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    return false;
  }
}

function readPatterns(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Ignore rules with git's precedence: a deeper folder's file overrides a shallower one, the last
 * matching line within a file wins, `!negations` re-include (also a folder that a shallower file
 * excludes), and nothing inside an excluded folder can be re-included. The walker prunes an
 * excluded folder before entering it, as git does.
 */
export class IgnoreRules {
  private readonly all: Verdicts;
  private keyguardOnly: Verdicts | undefined;

  private constructor(
    levels: readonly Level[],
    /** The ignore files `withFolder` reads. */
    private readonly fileNames: readonly IgnoreFileName[],
  ) {
    this.all = new Verdicts(levels);
  }

  static empty(choice: IgnoreChoice = ALL_IGNORE_RULES): IgnoreRules {
    return new IgnoreRules([], fileNamesFor(choice));
  }

  /**
   * A repository's rules below its .gitignore files: the user's excludes file (core.excludesFile,
   * read by src/git/excludes-file.ts), the lowest precedence of all, then `.git/info/exclude`.
   * Both are relative to the work tree's top.
   */
  static fromRepository(gitDir: string, worktreeRoot: string, choice: IgnoreChoice = ALL_IGNORE_RULES, userExcludes: string | null = null): IgnoreRules {
    const sources = choice.gitignore ? [userExcludes, readPatterns(join(gitDir, 'info', 'exclude'))] : [];
    const levels = sources.filter((patterns) => patterns !== null).map((patterns) => level(worktreeRoot, patterns, false));
    return new IgnoreRules(levels, fileNamesFor(choice));
  }

  /**
   * These rules without the git ignore levels collected so far: for a folder the user named (or
   * build output) that those levels hide. `.keyguardignore` levels stay, the user's own exemptions;
   * `readGitignoreBelow` says whether .gitignore files inside the folder still count.
   */
  withoutGitignoreLevels(readGitignoreBelow: boolean): IgnoreRules {
    const fileNames = readGitignoreBelow ? this.fileNames : this.fileNames.filter((name) => name !== '.gitignore');
    return new IgnoreRules(
      this.all.levels.filter((level) => level.keyguardOnly),
      fileNames,
    );
  }

  /** These rules plus the ignore files found in `dir` (if any); `this` is left unchanged. */
  withFolder(dir: string, entries: ReadonlySet<string>): IgnoreRules {
    let levels: Level[] | null = null;
    for (const name of this.fileNames) {
      if (!entries.has(name)) continue;
      const patterns = readPatterns(join(dir, name));
      if (patterns === null) continue;
      levels ??= [...this.all.levels];
      levels.push(level(dir, patterns, name === '.keyguardignore'));
    }
    return levels ? new IgnoreRules(levels, this.fileNames) : this;
  }

  /** Whether git would leave the path out: excluded itself, or inside an excluded folder. */
  isIgnored(absolutePath: string, isDirectory: boolean): boolean {
    return this.all.excludes(absolutePath, isDirectory);
  }

  /**
   * Whether .keyguardignore files alone exclude the path. Git's ignore files do not stop a tracked
   * file from being pushed, so they cannot exempt it from the scan; the user's own exemption can.
   */
  isExemptedByKeyguardIgnore(absolutePath: string, isDirectory: boolean): boolean {
    this.keyguardOnly ??= new Verdicts(this.all.levels.filter((level) => level.keyguardOnly));
    return this.keyguardOnly.excludes(absolutePath, isDirectory);
  }
}
