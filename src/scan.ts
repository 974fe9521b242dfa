import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SEVERITIES, type Severity } from './finding/finding.js';
import { DetectionEngine } from './detect/engine.js';
import { ruleInfo } from './rules/compile.js';
import { loadBuiltinRules } from './rules/load.js';
import { ENV_FILE_RULES } from './hygiene/env-files.js';
import { GITIGNORE_RULE } from './hygiene/gitignore.js';
import type { RuleInfo, ScanMode, ScanResult } from './scan-result.js';
import type { Source } from './sources/source.js';
import type { ContentOptions } from './content/item.js';
import { TOOL_VERSION } from './version.js';
import { UsageError } from './errors.js';
import { locateRepo } from './git/locate.js';
import { fingerprintKeyFor } from './pipeline/fingerprint-key.js';
import { runPipeline } from './pipeline/pipeline.js';
import type { PipelineContext } from './pipeline/stage.js';

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
  /** Scan binary files for printable strings instead of skipping them (app bundles always are). */
  binary?: boolean;
  /** How many archives deep to open; default 3. 0 leaves archives unopened. */
  archiveDepth?: number;
  /** With the path `-` (standard input): the path findings carry, for path-based rules and reports. */
  stdinName?: string;
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
  if (options.history && options.staged) throw new UsageError('--history and --staged cannot be combined');
  const stdin = options.paths?.includes(STDIN_PATH) === true;
  if (stdin && (options.history || options.staged || options.paths!.length > 1)) throw new UsageError('standard input (-) is scanned on its own, without other paths, --history or --staged');
  if (options.history) return 'history';
  if (options.staged) return 'staged';
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
function scanRoot(paths: readonly string[]): string {
  if (paths.length === 1 && isDirectory(paths[0]!)) return resolve(paths[0]!);
  return process.cwd();
}

async function openSource(mode: ScanMode, root: string, targets: string[], options: ScanOptions, content: ContentOptions): Promise<Source> {
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
    default: {
      const { WorktreeSource, assertTargetsExist } = await import('./sources/worktree.js');
      assertTargetsExist(targets);
      return new WorktreeSource({ root, targets, content });
    }
  }
}

const HYGIENE_RULES: RuleInfo[] = [ENV_FILE_RULES.tracked, ENV_FILE_RULES.committed, ENV_FILE_RULES.staged, GITIGNORE_RULE];

/** Scans the working tree, the git history or the index, and returns findings and a summary. */
export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const mode = modeOf(options);
  const paths = options.paths && options.paths.length > 0 ? options.paths : ['.'];
  if (mode !== 'tree' && paths.length > 1) throw new UsageError(`--${mode} scans one repository; got ${paths.length} paths`);
  const targets = paths.map((path) => resolve(path));
  // A commit holds everything staged, so a staged scan always covers the whole work tree.
  const root = mode === 'staged' ? (locateRepo(scanRoot(paths))?.worktree ?? scanRoot(paths)) : scanRoot(paths);
  const content: ContentOptions = {
    binary: options.binary === true,
    maxFileSize: options.maxFileSize ?? null,
    archiveDepth: options.archiveDepth ?? DEFAULT_ARCHIVE_DEPTH,
  };

  const definitions = await loadBuiltinRules();
  const engine = new DetectionEngine(definitions);
  const source = await openSource(mode, root, targets, options, content);

  let lastProgress = started;
  for await (const chunk of source.chunks()) {
    await engine.push(chunk);
    if ((mode === 'tree' || mode === 'stdin') && options.onProgress && performance.now() - lastProgress > 200) {
      lastProgress = performance.now();
      const { filesScanned, bytesScanned, commitsScanned } = source.stats;
      options.onProgress({ filesScanned, bytesScanned, commitsScanned: commitsScanned ?? null });
    }
  }
  // detect → hygiene → the post-detection pipeline (suppress … redact, sort): src/pipeline/pipeline.ts
  const detected = await engine.finish();
  detected.push(...(await source.hygieneFindings()));
  const context: PipelineContext = {
    root,
    showSecrets: options.showSecrets === true,
    inlineAllow: options.inlineAllow !== false,
    fingerprintKey: () => fingerprintKeyFor(root),
    suppressed: { inline: 0, config: 0, baseline: 0 },
    warnings: [],
  };
  const unique = await runPipeline(detected, context);

  const bySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of unique) bySeverity[finding.severity]++;
  const { stats } = source;
  return {
    root,
    findings: unique,
    rules: [...definitions.map(ruleInfo), ...HYGIENE_RULES],
    toolVersion: TOOL_VERSION,
    summary: {
      mode,
      findings: unique.length,
      bySeverity,
      filesScanned: stats.filesScanned,
      bytesScanned: stats.bytesScanned,
      filesSkipped: stats.skipped.length,
      skipped: stats.skipped,
      commitsScanned: stats.commitsScanned ?? null,
      blobsScanned: stats.blobsScanned ?? null,
      suppressed: context.suppressed,
      durationMs: Math.round(performance.now() - started),
      warnings: [...stats.warnings, ...context.warnings],
    },
  };
}
