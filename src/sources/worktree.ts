import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { RawFinding } from '../finding/raw-finding.js';
import { locateRepo, type RepoLocation } from '../git/locate.js';
import { readUserExcludes } from '../git/excludes-file.js';
import { gitStdout, splitNul } from '../git/run.js';
import { isEnvFile, isEnvTemplate } from '../hygiene/env-files.js';
import { worktreeHygieneFindings } from '../hygiene/gitignore.js';
import type { Chunk } from './chunk.js';
import { ContentStage } from '../content/content-stage.js';
import type { FileTask } from '../content/file-task.js';
import type { ContentOptions } from '../content/item.js';
import { ALL_IGNORE_RULES, IgnoreRules, type IgnoreChoice } from './ignore-rules.js';
import { outsidePath, pathInside } from './path-inside.js';
import { OrderedStats } from './ordered-stats.js';
import { openScannable } from './read-file.js';
import { emptyStats, type SkippedItem, type Source, type SourceItem, type SourceStats } from './source.js';
import { walk, type IgnoredBy, type WalkOptions } from './walk.js';

export interface WorktreeOptions {
  /** Absolute folder that finding paths are relative to. */
  root: string;
  /** Absolute files or folders to scan (usually just `root`). */
  targets: readonly string[];
  /** Which ignore rules apply; default all. */
  ignoreRules?: IgnoreChoice;
  /**
   * In a named folder that .gitignore hides (such as `dist`), still apply the .gitignore files
   * inside it. Off by default: such a folder is usually ignored as a whole, being build output.
   */
  respectIgnoreInside?: boolean;
  /** Walk ignored build output that ships to browsers (src/build-output.ts); default true. */
  buildOutput?: boolean;
  /** How bytes become chunks: caps, binary files, archives (src/content/). */
  content: ContentOptions;
  /** The file the report will replace (`--output`): keyguard's own output is not read. */
  isOwnOutput?: (absolutePath: string) => boolean;
}

function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/**
 * Where ignore files above a scanned path are looked for: from the repository's top, or outside a
 * repository from the scan root; null for a path outside both.
 */
interface IgnoreScope {
  top: string;
  repo: RepoLocation | null;
  choice: IgnoreChoice;
  /** The patterns of the user's excludes file (core.excludesFile), which apply inside a repository. */
  userExcludes: string | null;
}

function scopeFor(path: string, root: string, repo: RepoLocation | null, choice: IgnoreChoice, userExcludes: string | null = null): IgnoreScope | null {
  if (repo && isInside(path, repo.worktree)) return { top: repo.worktree, repo, choice, userExcludes };
  if (isInside(path, root)) return { top: root, repo: null, choice, userExcludes: null };
  return null;
}

/**
 * Ignore rules in force at `folder` before its own ignore files are read: the user's excludes
 * file, the repository's info/exclude and the ignore files of every folder from the top down to the parent of `folder`,
 * so scanning a subfolder honours the .gitignore above it.
 */
function rulesAbove(folder: string, scope: IgnoreScope | null): IgnoreRules {
  if (!scope) return IgnoreRules.empty();
  const { top, repo, choice, userExcludes } = scope;
  let rules = repo ? IgnoreRules.fromRepository(repo.gitDir, repo.worktree, choice, userExcludes) : IgnoreRules.empty(choice);
  const chain: string[] = [];
  for (let dir = dirname(folder); isInside(dir, top); dir = dirname(dir)) {
    chain.unshift(dir);
    if (dir === top) break;
  }
  for (const dir of chain) {
    try {
      rules = rules.withFolder(dir, new Set(readdirSync(dir)));
    } catch {
      // an unreadable ancestor adds no rules; the walk reports unreadable folders it enters
    }
  }
  return rules;
}

/**
 * Answers "does a .keyguardignore exempt this path?" for paths the walk did not reach (tracked
 * files, named files and folders), checking each folder on the way down (an exempted folder
 * exempts everything in it) and caching the rules per folder, since tracked files come in folder
 * order.
 */
class KeyguardExemptions {
  private readonly rulesByFolder = new Map<string, IgnoreRules>();

  constructor(
    private readonly root: string,
    private readonly repo: RepoLocation | null,
    private readonly choice: IgnoreChoice,
  ) {}

  private rulesIn(folder: string): IgnoreRules {
    let rules = this.rulesByFolder.get(folder);
    if (!rules) {
      rules = rulesAbove(folder, scopeFor(folder, this.root, this.repo, this.choice));
      try {
        rules = rules.withFolder(folder, new Set(readdirSync(folder)));
      } catch {
        // unreadable: no further rules from here
      }
      this.rulesByFolder.set(folder, rules);
    }
    return rules;
  }

  covers(absolutePath: string, isDirectory = false): boolean {
    if (!this.choice.keyguardignore) return false;
    const top = scopeFor(absolutePath, this.root, this.repo, this.choice)?.top;
    if (top === undefined || absolutePath === top) return false;
    for (let dir = dirname(absolutePath); isInside(dir, top) && dir !== top; dir = dirname(dir)) {
      if (this.rulesIn(dirname(dir)).isExemptedByKeyguardIgnore(dir, true)) return true;
    }
    return this.rulesIn(dirname(absolutePath)).isExemptedByKeyguardIgnore(absolutePath, isDirectory);
  }
}

/**
 * The working tree: every file not ignored, plus every file git tracks even if a pattern ignores
 * it, ignored build output that ships to browsers (walk.ts), and whatever the user named. What
 * ignore rules kept out is listed in stats.skipped: an ignored folder once, with a trailing `/`.
 */
export class WorktreeSource implements Source<SourceItem> {
  readonly stats: SourceStats = emptyStats();
  private readonly repo: RepoLocation | null;
  private tracked: string[] = [];
  private userExcludes: string | null = null;
  private readonly envFilesSeen: string[] = [];
  private readonly ignoreChoice: IgnoreChoice;
  private readonly exemptions: KeyguardExemptions;
  /** Every count and skip goes through here: file tasks settle out of order. */
  private readonly ordered = new OrderedStats(this.stats);

  constructor(private readonly options: WorktreeOptions) {
    this.repo = locateRepo(options.root);
    this.ignoreChoice = options.ignoreRules ?? ALL_IGNORE_RULES;
    this.exemptions = new KeyguardExemptions(options.root, this.repo, this.ignoreChoice);
  }

  private skip(item: SkippedItem): void {
    this.ordered.add(this.ordered.take(), { skipped: [item] });
  }

  /** A folder (with a trailing `/`) or file that ignore rules kept out of the scan, for the summary. */
  private skipIgnored(absolutePath: string, isDirectory: boolean, by: IgnoredBy): void {
    const path = this.toRootPath(absolutePath);
    this.skip({ path: isDirectory ? `${path}/` : path, reason: by });
  }

  /**
   * The files of one named path. A named file is scanned whatever .gitignore says; a named folder
   * that .gitignore hides (itself or through a parent) is walked whole, without the rules that hide
   * it. Only .keyguardignore, the user's own exemption, can keep a named path out.
   */
  private filesOf(target: string, isDirectory: boolean, walkOptions: WalkOptions): Iterable<{ absolutePath: string }> {
    if (this.exemptions.covers(target, isDirectory)) {
      this.skipIgnored(target, isDirectory, 'keyguardignore');
      return [];
    }
    if (!isDirectory) return [{ absolutePath: target }];
    const above = rulesAbove(target, scopeFor(target, this.options.root, this.repo, this.ignoreChoice, this.userExcludes));
    const rules = above.isIgnored(target, true) ? above.withoutGitignoreLevels(this.options.respectIgnoreInside === true) : above;
    return walk(target, rules, walkOptions);
  }

  private toRootPath(absolutePath: string): string {
    // Files outside the root (a file target elsewhere): relative with `..`, or absolute (/dev/stdin).
    return pathInside(this.options.root, absolutePath) ?? outsidePath(this.options.root, absolutePath);
  }

  /** The report file this run is about to replace (--output) is never read: see src/fs/report-file.ts. */
  private isOwnOutput(absolutePath: string): boolean {
    return this.options.isOwnOutput?.(absolutePath) ?? false;
  }

  private noteEnvFile(absolutePath: string): void {
    if (isEnvFile(absolutePath) || isEnvTemplate(absolutePath)) this.envFilesSeen.push(absolutePath);
  }

  /**
   * A file read here, on the main thread: one the user named (`named`: a FIFO or /dev/stdin is read
   * rather than skipped) or a tracked file the walk did not list, whose path may lead anywhere, so
   * it is stat'ed before it is opened.
   */
  private async *readChunks(absolutePath: string, named: boolean): AsyncGenerator<Chunk> {
    const path = this.toRootPath(absolutePath);
    this.noteEnvFile(absolutePath);
    const position = this.ordered.take();
    const stats = emptyStats();
    try {
      const opened = openScannable(absolutePath, named, this.options.content.maxFileSize);
      if ('skipped' in opened) stats.skipped.push({ path, ...opened.skipped });
      else yield* new ContentStage(this.options.content, stats).chunks({ path, ...opened.item });
    } finally {
      this.ordered.add(position, stats);
    }
  }

  /** A file the walk listed: read, sniffed and scanned where detection runs (content/file-task.ts). */
  private fileTask(absolutePath: string): FileTask {
    this.noteEnvFile(absolutePath);
    const position = this.ordered.take();
    return { path: this.toRootPath(absolutePath), absolutePath, contentOptions: this.options.content, settle: (stats) => this.ordered.add(position, stats) };
  }

  async *chunks(): AsyncIterable<SourceItem> {
    if (this.repo) {
      const { worktree } = this.repo;
      const [output, userExcludes] = await Promise.all([
        gitStdout(worktree, ['ls-files', '-z', '--cached']),
        this.ignoreChoice.gitignore ? readUserExcludes(worktree) : null,
      ]);
      this.tracked = splitNul(output).map((path) => join(worktree, path));
      this.userExcludes = userExcludes;
    }
    const visited = new Set<string>();
    const trackedSet = new Set(this.tracked);
    const walkOptions: WalkOptions = {
      buildOutput: this.options.buildOutput !== false,
      // A folder is listed with a trailing `/`, the scan root as `./`.
      onUnreadable: (path, code) => this.skip({ path: `${this.toRootPath(path) || '.'}/`, reason: 'unreadable', detail: code }),
      // A tracked file is scanned below whatever .gitignore says, so it is not reported as skipped.
      onIgnored: (path, isDirectory, by) => {
        if (by === 'keyguardignore' || isDirectory || !trackedSet.has(path)) this.skipIgnored(path, isDirectory, by);
      },
      onNotAFile: (path) => this.skip({ path: this.toRootPath(path), reason: 'not-a-file' }),
    };
    for (const target of this.options.targets) {
      let isDirectory: boolean;
      try {
        isDirectory = statSync(target).isDirectory();
      } catch (error) {
        this.stats.skipped.push({ path: this.toRootPath(target), reason: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? 'EIO' });
        continue;
      }
      for (const { absolutePath } of this.filesOf(target, isDirectory, walkOptions)) {
        if (visited.has(absolutePath) || this.isOwnOutput(absolutePath)) continue;
        visited.add(absolutePath);
        if (isDirectory) yield this.fileTask(absolutePath);
        else yield* this.readChunks(absolutePath, true);
      }
    }
    // Tracked files that a .gitignore pattern hides: git still commits and pushes them.
    for (const absolutePath of this.tracked) {
      if (visited.has(absolutePath) || this.isOwnOutput(absolutePath) || !this.options.targets.some((target) => isInside(absolutePath, target))) continue;
      if (!existsSync(absolutePath)) continue; // deleted in the work tree, not yet committed: nothing to read
      if (this.exemptions.covers(absolutePath)) continue;
      visited.add(absolutePath);
      yield* this.readChunks(absolutePath, false);
    }
  }

  async hygieneFindings(): Promise<RawFinding[]> {
    const repo = this.repo;
    if (!repo) return [];
    const inTargets = (path: string) => this.options.targets.some((target) => isInside(path, target));
    const toWorktreePath = (path: string) => relative(repo.worktree, path).split(sep).join('/');
    const trackedEnvShaped = this.tracked.filter((path) => (isEnvFile(path) || isEnvTemplate(path)) && inTargets(path));
    const envShaped = [...new Set([...this.envFilesSeen, ...trackedEnvShaped])].map(toWorktreePath);
    return worktreeHygieneFindings({
      worktree: repo.worktree,
      scanRoot: this.options.root,
      envFiles: envShaped.filter(isEnvFile),
      templates: envShaped.filter(isEnvTemplate),
      tracked: new Set(trackedEnvShaped.map(toWorktreePath)),
    });
  }
}
