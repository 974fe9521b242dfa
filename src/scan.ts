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
import { TOOL_VERSION } from './version.js';
import { UsageError } from './errors.js';
import { locateRepo } from './git/locate.js';
import { fingerprintKeyFor } from './pipeline/fingerprint-key.js';
import { runPipeline } from './pipeline/pipeline.js';
import type { PipelineContext } from './pipeline/stage.js';
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
  /** Files (and blobs) larger than this many bytes are skipped; default 10 MB. */
  maxFileSize?: number;
  /**
   * Ask each key's provider whether it still works (off by default; see README "Verifying keys").
   * `true` uses the defaults.
   */
  verify?: boolean | VerifyOptions;
  /** Called now and then during long scans, for a progress line. */
  onProgress?: (progress: ScanProgress) => void;
}

export interface ScanProgress {
  filesScanned: number;
  bytesScanned: number;
  commitsScanned: number | null;
}

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;


function modeOf(options: ScanOptions): ScanMode {
  if (options.history && options.staged) throw new UsageError('--history and --staged cannot be combined');
  if (options.history) return 'history';
  if (options.staged) return 'staged';
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

async function openSource(mode: ScanMode, root: string, targets: string[], options: ScanOptions, maxFileSize: number): Promise<Source> {
  switch (mode) {
    case 'history': {
      const { historySource } = await import('./sources/history.js');
      const narrowing = typeof options.history === 'object' ? options.history : {};
      const { onProgress } = options;
      return historySource(root, {
        ...narrowing,
        maxFileSize,
        ...(onProgress && {
          onProgress: (progress) => onProgress({ filesScanned: progress.blobs, bytesScanned: progress.bytes, commitsScanned: progress.commits }),
        }),
      });
    }
    case 'staged': {
      const { stagedSource } = await import('./sources/staged.js');
      return stagedSource(root, { maxFileSize });
    }
    default: {
      const { WorktreeSource, assertTargetsExist } = await import('./sources/worktree.js');
      assertTargetsExist(targets);
      return new WorktreeSource({ root, targets, maxFileSize });
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
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;

  const definitions = await loadBuiltinRules();
  const engine = new DetectionEngine(definitions);
  const source = await openSource(mode, root, targets, options, maxFileSize);

  let lastProgress = started;
  for await (const chunk of source.chunks()) {
    await engine.push(chunk);
    if (mode === 'tree' && options.onProgress && performance.now() - lastProgress > 200) {
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
    ...(options.verify && { verify: { mode, options: resolveVerifyOptions(options.verify) } }),
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
