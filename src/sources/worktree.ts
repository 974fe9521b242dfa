import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { UsageError } from '../errors.js';
import type { RawFinding } from '../finding/raw-finding.js';
import { locateRepo, type RepoLocation } from '../git/locate.js';
import { gitStdout, splitNul } from '../git/run.js';
import { envFileFinding, isEnvFile } from '../hygiene/env-files.js';
import { gitignoreFindings } from '../hygiene/gitignore.js';
import type { Chunk } from './chunk.js';
import { ContentStage } from '../content/content-stage.js';
import type { ContentOptions } from '../content/item.js';
import { IgnoreRules } from './ignore-rules.js';
import { pathInside } from './path-inside.js';
import { openScannable } from './read-file.js';
import { emptyStats, type Source, type SourceStats } from './source.js';
import { walk } from './walk.js';

export interface WorktreeOptions {
  /** Absolute folder that finding paths are relative to. */
  root: string;
  /** Absolute files or folders to scan (usually just `root`). */
  targets: readonly string[];
  /** How bytes become chunks: caps, binary files, archives (src/content/). */
  content: ContentOptions;
}

/** A path the user named that does not exist is a mistake to report, not an empty scan. */
export function assertTargetsExist(targets: readonly string[]): void {
  for (const target of targets) {
    if (!existsSync(target)) throw new UsageError(`no such file or folder: ${target}`);
  }
}

function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/**
 * Ignore rules in force at `folder` before its own ignore files are read: the repository's
 * info/exclude and the ignore files of every folder from the repository's top down to the parent
 * of `folder`, so scanning a subfolder honours the .gitignore above it.
 */
function rulesAbove(folder: string, repo: RepoLocation | null): IgnoreRules {
  if (!repo || !isInside(folder, repo.worktree)) return IgnoreRules.empty();
  let rules = IgnoreRules.fromInfoExclude(repo.gitDir, repo.worktree);
  const chain: string[] = [];
  for (let dir = dirname(folder); isInside(dir, repo.worktree); dir = dirname(dir)) {
    chain.unshift(dir);
    if (dir === repo.worktree) break;
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
 * Answers "does a .keyguardignore exempt this tracked file?" for files the walk did not reach,
 * checking each folder on the way down (an exempted folder exempts everything in it) and caching
 * the rules per folder, since tracked files come in folder order.
 */
class KeyguardExemptions {
  private readonly rulesByFolder = new Map<string, IgnoreRules>();

  constructor(private readonly repo: RepoLocation | null) {}

  private rulesIn(folder: string): IgnoreRules {
    let rules = this.rulesByFolder.get(folder);
    if (!rules) {
      rules = rulesAbove(folder, this.repo);
      try {
        rules = rules.withFolder(folder, new Set(readdirSync(folder)));
      } catch {
        // unreadable: no further rules from here
      }
      this.rulesByFolder.set(folder, rules);
    }
    return rules;
  }

  covers(absolutePath: string): boolean {
    for (let dir = dirname(absolutePath); this.repo && isInside(dir, this.repo.worktree) && dir !== this.repo.worktree; dir = dirname(dir)) {
      if (this.rulesIn(dirname(dir)).isExemptedByKeyguardIgnore(dir, true)) return true;
    }
    return this.rulesIn(dirname(absolutePath)).isExemptedByKeyguardIgnore(absolutePath, false);
  }
}

/** The working tree: every file not ignored, plus every file git tracks even if a pattern ignores it. */
export class WorktreeSource implements Source {
  readonly stats: SourceStats = emptyStats();
  private readonly repo: RepoLocation | null;
  private tracked: string[] = [];
  private readonly envFilesSeen: string[] = [];
  private readonly content: ContentStage;

  constructor(private readonly options: WorktreeOptions) {
    this.repo = locateRepo(options.root);
    this.content = new ContentStage(options.content, this.stats);
  }

  private toRootPath(absolutePath: string): string {
    // Files outside the root (a file target elsewhere) keep their path relative to it, with `..`.
    return pathInside(this.options.root, absolutePath) ?? relative(this.options.root, absolutePath).split(sep).join('/');
  }

  /** `named`: the user gave this path itself, so a FIFO or /dev/stdin is read rather than skipped. */
  private async *readChunks(absolutePath: string, named: boolean): AsyncGenerator<Chunk> {
    const path = this.toRootPath(absolutePath);
    if (isEnvFile(absolutePath)) this.envFilesSeen.push(absolutePath);
    const opened = openScannable(absolutePath, named, this.options.content.maxFileSize);
    if ('skipped' in opened) {
      this.stats.skipped.push({ path, ...opened.skipped });
      return;
    }
    yield* this.content.chunks({ path, ...opened.item });
  }

  async *chunks(): AsyncIterable<Chunk> {
    if (this.repo) {
      const output = await gitStdout(this.repo.worktree, ['ls-files', '-z', '--cached']);
      this.tracked = splitNul(output).map((path) => join(this.repo!.worktree, path));
    }
    const visited = new Set<string>();
    const onUnreadable = (path: string, code: string) => this.stats.skipped.push({ path: this.toRootPath(path), reason: 'unreadable', detail: code });
    for (const target of this.options.targets) {
      let isDirectory: boolean;
      try {
        isDirectory = statSync(target).isDirectory();
      } catch (error) {
        onUnreadable(target, (error as NodeJS.ErrnoException).code ?? 'EIO');
        continue;
      }
      const files = isDirectory ? walk(target, rulesAbove(target, this.repo), onUnreadable) : [{ absolutePath: target }];
      for (const { absolutePath } of files) {
        if (visited.has(absolutePath)) continue;
        visited.add(absolutePath);
        yield* this.readChunks(absolutePath, !isDirectory);
      }
    }
    // Tracked files that a .gitignore pattern hides: git still commits and pushes them.
    const exemptions = new KeyguardExemptions(this.repo);
    for (const absolutePath of this.tracked) {
      if (visited.has(absolutePath) || !this.options.targets.some((target) => isInside(absolutePath, target))) continue;
      if (!existsSync(absolutePath)) continue; // deleted in the work tree, not yet committed: nothing to read
      if (exemptions.covers(absolutePath)) continue;
      visited.add(absolutePath);
      yield* this.readChunks(absolutePath, false);
    }
  }

  async hygieneFindings(): Promise<RawFinding[]> {
    const repo = this.repo;
    if (!repo) return [];
    const inTargets = (path: string) => this.options.targets.some((target) => isInside(path, target));
    const trackedEnvFiles = this.tracked.filter((path) => isEnvFile(path) && inTargets(path));
    const findings = trackedEnvFiles.map((path) => envFileFinding('tracked', this.toRootPath(path)));
    const envFiles = [...new Set([...this.envFilesSeen, ...trackedEnvFiles])].map((path) => relative(repo.worktree, path).split(sep).join('/'));
    findings.push(...(await gitignoreFindings({ worktree: repo.worktree, scanRoot: this.options.root, envFiles })));
    return findings;
  }
}

