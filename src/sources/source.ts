import type { Chunk } from './chunk.js';
import type { FileTask } from '../content/file-task.js';
import type { RawFinding } from '../finding/raw-finding.js';

/**
 * A file or blob that was not scanned, and why. A path ending in `/` is a folder that was not
 * entered (ignored as a whole); its files are not listed one by one.
 */
export interface SkippedItem {
  path: string;
  /**
   * `gitignore`: by .gitignore or .git/info/exclude; `keyguardignore`: by the user's .keyguardignore;
   * `too-large`: over the --max-file-size cap the user set; `archive-depth`: an archive nested
   * deeper than --archive-depth; `archive-limit`: a limit against hostile archives (entries, bytes,
   * compression ratio); `encrypted`: an encrypted archive entry.
   */
  reason: 'binary' | 'too-large' | 'unreadable' | 'symlink-loop' | 'not-a-file' | 'gitignore' | 'keyguardignore' | 'archive-depth' | 'archive-limit' | 'encrypted';
  detail?: string;
}

/** How reports name each reason. */
export const SKIP_REASON_LABELS: Record<SkippedItem['reason'], string> = {
  binary: 'binary',
  'too-large': 'too large',
  unreadable: 'unreadable',
  'symlink-loop': 'symlink loop',
  'not-a-file': 'not a file',
  gitignore: 'ignored by .gitignore',
  keyguardignore: 'exempted by .keyguardignore',
  'archive-depth': 'nested deeper than --archive-depth',
  'archive-limit': 'over an archive limit',
  encrypted: 'encrypted',
};

/** Counters a source fills in while it yields; the scan summary reports them. */
export interface SourceStats {
  filesScanned: number;
  bytesScanned: number;
  skipped: SkippedItem[];
  /** History scans: commits walked and distinct blobs read. */
  commitsScanned?: number;
  blobsScanned?: number;
  /** Things the user should know that are not findings, e.g. "shallow clone: history is incomplete". */
  warnings: string[];
  /** Findings about whole files that the content stage judges from their bytes (a .p12 key file). */
  fileFindings: RawFinding[];
}

/** What a source yields: chunks, or files a walk listed, read where the detector runs (content/file-task.ts). */
export type SourceItem = Chunk | FileTask;

/**
 * Where content comes from. `chunks()` yields what to run the detector on; `hygieneFindings()`
 * yields findings that need no detector (a tracked .env file, a .gitignore gap) and is called
 * after `chunks()` is exhausted, so a source may collect what it needs while yielding.
 */
export interface Source<Item extends SourceItem = Chunk> {
  readonly stats: SourceStats;
  chunks(): AsyncIterable<Item>;
  hygieneFindings(): Promise<RawFinding[]>;
  /**
   * For a source that yields chunks out of the order the pipeline expects (history reads blobs in
   * pack order, and dedupe keeps the first finding, the one at the oldest commit): each finding's
   * place in that order. The detection engine keeps and returns findings by it (kept-findings.ts).
   */
  findingRank?(finding: RawFinding): number;
}

export function emptyStats(): SourceStats {
  return { filesScanned: 0, bytesScanned: 0, skipped: [], warnings: [], fileFindings: [] };
}
