import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SEVERITIES, type Severity } from './finding/finding.js';
import { DetectionEngine } from './detect/engine.js';
import { omittedWarning } from './detect/kept-findings.js';
import { loadRegistry } from './rules/registry.js';
import type { KeyguardConfig } from './config/types.js';
import type { ScanMode, ScanResult } from './scan-result.js';
import type { Source, SourceItem } from './sources/source.js';
import type { ContentOptions } from './content/item.js';
import { TOOL_VERSION } from './version.js';
import { UsageError } from './errors.js';
import { locateRepo } from './git/locate.js';
import { fingerprintKeyFor } from './pipeline/fingerprint-key.js';
import { runPipeline } from './pipeline/pipeline.js';
import { assertSomethingScanned, couldNotRead } from './sources/coverage.js';
import { expandPaths } from './sources/expand-paths.js';
import { startedNow } from './sources/started.js';
import type { BaselineState, PipelineContext } from './pipeline/stage.js';
import type { VerifyOptions } from './verify/types.js';
import { resolveVerifyOptions } from './verify/defaults.js';

export interface HistoryScanOptions {
  /** Only commits not reachable from this revision (what a pull request adds). */
  since?: string;
  /** An explicit `A..B` range. */
  range?: string;
  maxCommits?: number;
  /** Only this ref instead of every ref. */
  branch?: string;
}

export interface ScanOptions {
  /** Files or folders to scan; default the current folder. History and staged scans take one repository path. */
  paths?: string[];
  /** Scan every commit of every ref instead of the working tree. */
  history?: boolean | HistoryScanOptions;
  /** Scan what the next commit adds (the index) instead of the working tree. */
  staged?: boolean;
  /** Keep secrets whole in the findings; they are redacted otherwise. */
  showSecrets?: boolean;
  /** Honour inline allow comments (`keyguard:allow` …); false reports them anyway, for audits. */
  inlineAllow?: boolean;
  /** Opt-in cap: files (and blobs) larger than this many bytes are skipped. Default: none (big files are windowed). */
  maxFileSize?: number;
  /** Honour .gitignore files and .git/info/exclude (default true); false scans ignored files too (`--no-ignore`). */
  gitignore?: boolean;
  /** Honour .keyguardignore files (default true). */
  keyguardignore?: boolean;
  /**
   * In a named folder that .gitignore hides (such as `dist`), still apply the .gitignore files
   * inside it (default false: such a folder is usually ignored as a whole, being build output).
   */
  respectIgnoreInside?: boolean;
  /** Also scan ignored front-end build output (dist/, .next/static/ …; src/build-output.ts); default true. */
  buildOutput?: boolean;
  /** Scan exactly the files `npm pack` would publish from this package folder instead of `paths`. */
  pack?: string;
  /**
   * The config file (src/config/): its path, the config already loaded, or false for none. By
   * default keyguard.config.json, .keyguardrc.json or .keyguardrc.yaml in the scanned folder or
   * at the repository root.
   */
  config?: string | KeyguardConfig | false;
  /** A baseline file (`keyguard baseline`): its findings are left out; default the config's `baseline`, false for none. */
  baseline?: string | false;
  /** With a baseline: list its entries that accepted nothing in the summary's warnings. */
  reportUnusedBaseline?: boolean;
  /** Return the baseline entries of the reported findings (`result.baseline.entries`). */
  recordBaseline?: boolean;
  /** Scan binary files for printable strings instead of skipping them (app bundles always are). */
  binary?: boolean;
  /** How many archives deep to open; default 3. 0 leaves archives unopened. */
  archiveDepth?: number;
  /** With the path `-` (standard input): the path findings carry, for path-based rules and reports. */
  stdinName?: string;
  /**
   * Ask each key's provider whether it still works (off by default; see README "Verifying keys").
   * `true` uses the defaults.
   */
  verify?: boolean | VerifyOptions;
  /** The file `--output` will replace (src/fs/report-file.ts): a tree scan leaves it out. */
  isOwnOutput?: (absolutePath: string) => boolean;
  /** Called now and then during long scans, for a progress line. */
  onProgress?: (progress: ScanProgress) => void;
}

export interface ScanProgress {
  filesScanned: number;
  bytesScanned: number;
  commitsScanned: number | null;
}

export const DEFAULT_ARCHIVE_DEPTH = 3;

/** The path argument that means standard input. */
export const STDIN_PATH = '-';


function modeOf(options: ScanOptions): ScanMode {
  const modes = [options.history && '--history', options.staged && '--staged', options.pack !== undefined && '--pack'].filter(Boolean);
  if (modes.length > 1) throw new UsageError(`${modes.join(' and ')} cannot be combined`);
  if (options.pack !== undefined && options.paths && options.paths.length > 0) throw new UsageError('--pack takes the package folder as its value, not paths');
  const stdin = options.paths?.includes(STDIN_PATH) === true;
  if (stdin && (modes.length > 0 || options.paths!.length > 1)) throw new UsageError('standard input (-) is scanned on its own, without other paths, --history, --staged or --pack');
  if (options.history) return 'history';
  if (options.staged) return 'staged';
  if (options.pack !== undefined) return 'pack';
  if (stdin) return 'stdin';
  if (options.stdinName !== undefined) throw new UsageError('--stdin-name only applies when scanning standard input (-)');
  return 'tree';
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The folder finding paths are relative to: the one folder given, else the current folder. */
export function scanRoot(paths: readonly string[]): string {
  if (paths.length === 1 && isDirectory(paths[0]!)) return resolve(paths[0]!);
  return process.cwd();
}

async function openSource(mode: ScanMode, root: string, targets: string[], options: ScanOptions, content: ContentOptions): Promise<Source<SourceItem>> {
  switch (mode) {
    case 'history': {
      const { historySource } = await import('./sources/history.js');
      const narrowing = typeof options.history === 'object' ? options.history : {};
      const { onProgress } = options;
      return historySource(root, {
        ...narrowing,
        content,
        ...(onProgress && {
          onProgress: (progress) => onProgress({ filesScanned: progress.blobs, bytesScanned: progress.bytes, commitsScanned: progress.commits }),
        }),
      });
    }
    case 'staged': {
      const { stagedSource } = await import('./sources/staged.js');
      return stagedSource(root, { content });
    }
    case 'stdin': {
      const { stdinSource, DEFAULT_STDIN_NAME } = await import('./sources/stdin.js');
      return stdinSource(options.stdinName ?? DEFAULT_STDIN_NAME, content);
    }
    case 'pack': {
      const { PackSource, packFileList } = await import('./sources/pack.js');
      return new PackSource(root, await packFileList(root), { content, keyguardignore: options.keyguardignore !== false });
    }
    default: {
      const { WorktreeSource } = await import('./sources/worktree.js');
      return new WorktreeSource({
        root,
        targets,
        content,
        ignoreRules: { gitignore: options.gitignore !== false, keyguardignore: options.keyguardignore !== false },
        respectIgnoreInside: options.respectIgnoreInside === true,
        buildOutput: options.buildOutput !== false,
        ...(options.isOwnOutput && { isOwnOutput: options.isOwnOutput }),
      });
    }
  }
}

async function configFor(root: string, option: ScanOptions['config']): Promise<KeyguardConfig | null> {
  if (option === false) return null;
  if (typeof option === 'object') return option;
  const { loadConfigFor } = await import('./config/load.js');
  return loadConfigFor(root, option);
}

async function baselineFor(root: string, file: string | undefined, record: boolean): Promise<BaselineState | null> {
  if (file === undefined && !record) return null;
  const { BaselineMatcher, readBaseline } = await import('./suppress/baseline.js');
  return { matcher: file === undefined ? null : new BaselineMatcher(readBaseline(file), root), record: record ? [] : null };
}

/** Scans the working tree, the git history or the index, and returns findings and a summary. */
export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const mode = modeOf(options);
  const paths = mode === 'pack' ? [options.pack!] : options.paths && options.paths.length > 0 ? options.paths : ['.'];
  if ((mode === 'history' || mode === 'staged') && paths.length > 1) throw new UsageError(`--${mode} scans one repository; got ${paths.length} paths`);
  const targets = mode === 'tree' ? await expandPaths(paths) : paths.map((path) => resolve(path));
  // A commit holds everything staged, so a staged scan always covers the whole work tree.
  const root = mode === 'staged' ? (locateRepo(scanRoot(paths))?.worktree ?? scanRoot(paths)) : scanRoot(paths);
  if (mode === 'pack' && !isDirectory(root)) throw new UsageError(`--pack: no such folder: ${paths[0]}`);
  const content: ContentOptions = {
    binary: options.binary === true,
    maxFileSize: options.maxFileSize ?? null,
    archiveDepth: options.archiveDepth ?? DEFAULT_ARCHIVE_DEPTH,
  };

  const config = await configFor(root, options.config);
  const registry = await loadRegistry(config);
  const definitions = registry.definitions;
  const baselineFile = options.baseline === false ? undefined : (options.baseline ?? (config?.options.baseline as string | undefined));
  const baseline = await baselineFor(root, baselineFile, options.recordBaseline === true);
  const source = await openSource(mode, root, targets, options, content);
  // The source starts reading while the detector is built (sources/started.ts).
  const chunks = startedNow(source.chunks());
  let engine: DetectionEngine;
  try {
    engine = new DetectionEngine(definitions, source.findingRank?.bind(source));
  } catch (error) {
    await chunks.return?.();
    throw error;
  }

  let lastProgress = started;
  for await (const chunk of chunks) {
    await engine.push(chunk);
    if ((mode === 'tree' || mode === 'stdin') && options.onProgress && performance.now() - lastProgress > 200) {
      lastProgress = performance.now();
      const { filesScanned, bytesScanned, commitsScanned } = source.stats;
      options.onProgress({ filesScanned, bytesScanned, commitsScanned: commitsScanned ?? null });
    }
  }
  // detect → hygiene → the post-detection pipeline (suppress … redact, sort): src/pipeline/pipeline.ts
  const detected = await engine.finish();
  // A key file judged from its bytes counts as looked at, though no text was scanned.
  if ((mode === 'tree' || mode === 'pack') && source.stats.fileFindings.length === 0) assertSomethingScanned(source.stats, paths);
  detected.push(...(await source.hygieneFindings()), ...source.stats.fileFindings);
  const context: PipelineContext = {
    root,
    showSecrets: options.showSecrets === true,
    inlineAllow: options.inlineAllow !== false,
    fingerprintKey: () => fingerprintKeyFor(root),
    suppressed: { inline: 0, config: 0, baseline: 0 },
    warnings: [],
    config,
    baseline,
    ...(options.verify && { verify: { mode, options: resolveVerifyOptions(options.verify) } }),
  };
  const unique = await runPipeline(detected, context);
  const omitted = omittedWarning(engine.kept.omitted);
  if (omitted) context.warnings.push(omitted);
  const unusedBaseline = baseline?.matcher?.unused() ?? [];
  if (options.reportUnusedBaseline) {
    for (const entry of unusedBaseline) context.warnings.push(`baseline entry matches nothing: ${entry.rule} in ${entry.path} (keyguard baseline --prune removes it)`);
  }

  const bySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of unique) bySeverity[finding.severity]++;
  const { stats } = source;
  const unread = stats.skipped.filter(couldNotRead);
  return {
    root,
    findings: unique,
    rules: registry.rules,
    toolVersion: TOOL_VERSION,
    summary: {
      mode,
      findings: unique.length,
      bySeverity,
      filesScanned: stats.filesScanned,
      bytesScanned: stats.bytesScanned,
      filesSkipped: stats.skipped.filter((item) => !item.path.endsWith('/')).length,
      skipped: stats.skipped,
      commitsScanned: stats.commitsScanned ?? null,
      blobsScanned: stats.blobsScanned ?? null,
      suppressed: context.suppressed,
      durationMs: Math.round(performance.now() - started),
      warnings: [...stats.warnings, ...context.warnings],
      incomplete: unread.length > 0,
      unread,
    },
    ...(baseline && { baseline: { entries: baseline.record ?? [], unused: unusedBaseline } }),
  };
}
