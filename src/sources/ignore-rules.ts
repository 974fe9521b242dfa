import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { pathInside } from './path-inside.js';

/** The ignore files a folder may hold; later ones take precedence over earlier ones in the same folder. */
export const IGNORE_FILE_NAMES = ['.gitignore', '.keyguardignore'] as const;
type IgnoreFileName = (typeof IGNORE_FILE_NAMES)[number];

/** Which kinds of ignore rules a scan honours: `--no-ignore` and `--no-keyguardignore` turn them off. */
export interface IgnoreChoice {
  /** .gitignore files and .git/info/exclude. */
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
 * matching line within a file wins, and `!negations` re-include. The walker prunes an ignored
 * folder before entering it, which is also git's rule that nothing inside an excluded folder can
 * be re-included.
 */
export class IgnoreRules {
  private constructor(
    private readonly levels: readonly Level[],
    /** The ignore files `withFolder` reads. */
    private readonly fileNames: readonly IgnoreFileName[],
  ) {}

  static empty(choice: IgnoreChoice = ALL_IGNORE_RULES): IgnoreRules {
    return new IgnoreRules([], fileNamesFor(choice));
  }

  /** Rules from `.git/info/exclude` of a repository, the lowest precedence of all. */
  static fromInfoExclude(gitDir: string, worktreeRoot: string, choice: IgnoreChoice = ALL_IGNORE_RULES): IgnoreRules {
    const patterns = choice.gitignore ? readPatterns(join(gitDir, 'info', 'exclude')) : null;
    const levels = patterns === null ? [] : [{ base: worktreeRoot, matcher: ignore().add(patterns), keyguardOnly: false }];
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
      this.levels.filter((level) => level.keyguardOnly),
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
      levels ??= [...this.levels];
      levels.push({ base: dir, matcher: ignore().add(patterns), keyguardOnly: name === '.keyguardignore' });
    }
    return levels ? new IgnoreRules(levels, this.fileNames) : this;
  }

  isIgnored(absolutePath: string, isDirectory: boolean): boolean {
    return this.verdict(this.levels, absolutePath, isDirectory);
  }

  /**
   * Whether .keyguardignore files alone exclude the path. Git's ignore files do not stop a tracked
   * file from being pushed, so they cannot exempt it from the scan; the user's own exemption can.
   */
  isExemptedByKeyguardIgnore(absolutePath: string, isDirectory: boolean): boolean {
    return this.verdict(
      this.levels.filter((level) => level.keyguardOnly),
      absolutePath,
      isDirectory,
    );
  }

  private verdict(levels: readonly Level[], absolutePath: string, isDirectory: boolean): boolean {
    for (let i = levels.length - 1; i >= 0; i--) {
      const level = levels[i]!;
      const rel = pathInside(level.base, absolutePath);
      if (!rel) continue;
      const verdict = level.matcher.test(isDirectory ? `${rel}/` : rel);
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    return false;
  }
}
