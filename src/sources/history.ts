import type { CommitInfo } from '../finding/finding.js';
import { shortSha } from '../finding/short-sha.js';
import type { RawFinding } from '../finding/raw-finding.js';
import { envFileFinding, isEnvFile } from '../hygiene/env-files.js';
import { CatFile } from '../git/catfile.js';
import { GitError } from '../git/errors.js';
import { inOrder } from '../git/ordered-pipeline.js';
import { readLog, type FileChange } from '../git/raw-log.js';
import { askGit, openRepository, shallowCloneWarning } from '../git/repository.js';
import { resolveRevisions, type RevisionOptions } from '../git/revisions.js';
import { ByteStream } from '../content/byte-stream.js';
import { ContentStage } from '../content/content-stage.js';
import type { ContentItem, ContentOptions } from '../content/item.js';
import { WINDOW_BYTES } from '../content/windows.js';
import { streamBlob } from '../git/blob-stream.js';
import { COMMIT_MESSAGE_PATH, type Chunk } from './chunk.js';
import { emptyStats, type SkippedItem, type Source, type SourceStats } from './source.js';

export interface HistoryProgress {
  commits: number;
  blobs: number;
  bytes: number;
  /** Commits the walk will visit; null until git has counted them. */
  totalCommits: number | null;
}

export interface HistoryOptions extends RevisionOptions {
  /** Only the newest N commits of the selection. */
  maxCommits?: number;
  /** How blob bytes become chunks: caps, binary files, archives (src/content/). */
  content: ContentOptions;
  /** Called at most every PROGRESS_INTERVAL_MS and once at the end; the source never prints. */
  onProgress?: (progress: HistoryProgress) => void;
}

/** Upper bound on blob bytes held by in-flight reads: at most this many bytes wait for the detector. */
const IN_FLIGHT_BYTES = 32 * 1024 * 1024;
/** Enough queued reads to keep cat-file busy while the detector works on earlier blobs. */
const MAX_IN_FLIGHT = 64;
const PROGRESS_INTERVAL_MS = 100;

type BlobOutcome = { item: ContentItem } | { skipped: SkippedItem } | { message: Chunk };

/**
 * Every commit reachable from every ref (or the narrowed selection), oldest first, with each
 * distinct blob scanned once and attributed to the commit that first introduced it. Paths are
 * relative to `root`; a root below the top level of the work tree limits the scan to that folder.
 * A bare repository works too: history needs no work tree.
 *
 * A blob that reappears at another path in a later commit (a copy, a move, a revert) is not
 * scanned again: it is the same bytes and so the same leaked keys, already reported with the
 * commit that leaked them first; rotating the key fixes every copy. A blob one commit introduces
 * at several paths (a file copied into two environments) is scanned once and reported at each
 * path (Chunk.alsoAt): each is a place to clean. Env-file hygiene is per path instead, since each path that
 * held an env file has to be purged from history separately.
 */
export function historySource(root: string, options: HistoryOptions): Source {
  const stats: SourceStats = { ...emptyStats(), commitsScanned: 0, blobsScanned: 0 };
  const envFilesAdded = new Map<string, CommitInfo>();
  return {
    stats,
    chunks: () => walkHistory(root, options, stats, envFilesAdded),
    async hygieneFindings(): Promise<RawFinding[]> {
      return [...envFilesAdded].map(([path, commit]) => envFileFinding('committed', path, commit));
    },
  };
}

async function* walkHistory(root: string, options: HistoryOptions, stats: SourceStats, envFilesAdded: Map<string, CommitInfo>): AsyncGenerator<Chunk> {
  const { maxCommits } = options;
  const maxFileSize = options.content.maxFileSize;
  const content = new ContentStage(options.content, stats);
  if (maxCommits !== undefined && !(Number.isInteger(maxCommits) && maxCommits > 0)) {
    throw new GitError(`--max-commits must be a positive whole number, not ${maxCommits}`);
  }
  const repo = await openRepository(root);
  const revisions = await resolveRevisions(repo, options);
  if (repo.shallow) stats.warnings.push(await shallowCloneWarning(repo));

  const progress = progressReporter(stats, options.onProgress);
  if (options.onProgress) {
    const limit = maxCommits === undefined ? [] : [`--max-count=${maxCommits}`];
    askGit(repo.cwd, ['rev-list', '--count', ...limit, ...revisions]).then((count) => progress.setTotal(Number(count)), () => {});
  }

  // Sizes come from --batch-check first: an oversized blob is then never inflated and piped by git
  // (40 blobs of 4 MB: 30 ms instead of 1.2 s), for about 10% more time on small-blob histories.
  // Blobs up to WINDOW_BYTES are read whole through the shared cat-file; bigger ones are streamed.
  const wholeLimit = Math.min(maxFileSize ?? WINDOW_BYTES, WINDOW_BYTES);
  const blobs: BlobReaders = { cwd: repo.cwd, sizes: CatFile.open(repo.cwd, 'info'), contents: CatFile.open(repo.cwd, 'contents'), maxFileSize, wholeLimit };

  // Walks the log and hands on each blob the first time it appears, in walk order, with the other
  // paths the same commit introduced it at (so a commit's changes are handed on once it is complete).
  // Each commit's message comes first (change: null): a key pasted into a message leaks too.
  async function* newBlobs(): AsyncGenerator<{ change: FileChange | null; commit: CommitInfo; alsoAt: string[] }> {
    const seenBlobs = new Set<string>();
    let commit: CommitInfo | null = null;
    let introduced = new Map<string, { change: FileChange; alsoAt: string[] }>();
    const flush = function* (from: CommitInfo | null) {
      if (!from) return;
      yield { change: null, commit: from, alsoAt: [] };
      for (const { change, alsoAt } of introduced.values()) yield { change, commit: from, alsoAt };
      introduced = new Map();
    };
    for await (const event of readLog(repo.cwd, revisions, maxCommits)) {
      if (event.kind === 'commit') {
        yield* flush(commit);
        commit = event.commit;
        stats.commitsScanned = (stats.commitsScanned ?? 0) + 1;
        progress.update();
        continue;
      }
      // Regular files only: not deletions (000000), symlinks (120000) or submodules (160000).
      if (!commit || !event.change.mode.startsWith('100')) continue;
      // A subfolder root scans that folder's files. Git's own --relative would do this, but
      // combined (merge) records ignore it.
      if (!event.change.path.startsWith(repo.prefix)) continue;
      const change = { ...event.change, path: event.change.path.slice(repo.prefix.length) };
      if (isEnvFile(change.path) && !envFilesAdded.has(change.path)) envFilesAdded.set(change.path, commit);
      const sameCommit = introduced.get(change.blob);
      if (sameCommit) {
        if (sameCommit.change.path !== change.path && !sameCommit.alsoAt.includes(change.path)) sameCommit.alsoAt.push(change.path);
        continue;
      }
      if (seenBlobs.has(change.blob)) continue;
      seenBlobs.add(change.blob);
      introduced.set(change.blob, { change, alsoAt: [] });
    }
    yield* flush(commit);
  }

  const inFlightLimit = Math.max(1, Math.min(MAX_IN_FLIGHT, Math.floor(IN_FLIGHT_BYTES / Math.max(1, wholeLimit))));
  try {
    const read = ({ change, commit, alsoAt }: { change: FileChange | null; commit: CommitInfo; alsoAt: string[] }): Promise<BlobOutcome> =>
      change ? readBlob(blobs, change, commit, alsoAt) : Promise.resolve({ message: { path: COMMIT_MESSAGE_PATH, content: Buffer.from(commit.summary), commit } });
    for await (const outcome of inOrder(newBlobs(), inFlightLimit, read)) {
      if ('message' in outcome) {
        yield outcome.message;
        continue;
      }
      if ('skipped' in outcome) {
        stats.skipped.push(outcome.skipped);
        continue;
      }
      yield* content.chunks(outcome.item);
      stats.blobsScanned = stats.filesScanned;
      progress.update();
    }
    progress.finish();
  } finally {
    await Promise.all([blobs.sizes.close(), blobs.contents.close()]);
  }
}

interface BlobReaders {
  cwd: string;
  sizes: CatFile;
  contents: CatFile;
  maxFileSize: number | null;
  wholeLimit: number;
}

async function readBlob({ cwd, sizes, contents, maxFileSize, wholeLimit }: BlobReaders, change: FileChange, commit: CommitInfo, alsoAt: string[]): Promise<BlobOutcome> {
  const where = `blob ${change.blob.slice(0, 12)} from commit ${shortSha(commit.sha)}`;
  const info = await sizes.read(change.blob);
  if (info?.type !== 'blob') return { skipped: { path: change.path, reason: 'unreadable', detail: `${where} is missing from the repository` } };
  if (maxFileSize !== null && info.size > maxFileSize) return { skipped: { path: change.path, reason: 'too-large', detail: `${where} is ${info.size} bytes` } };
  if (info.size > wholeLimit) return { item: { path: change.path, bytes: new ByteStream(streamBlob(cwd, change.blob)), size: info.size, commit, ...(alsoAt.length > 0 && { alsoAt }) } };
  const content = (await contents.read(change.blob, wholeLimit))?.content;
  if (!content) return { skipped: { path: change.path, reason: 'unreadable', detail: `${where} could not be read` } };
  return { item: { path: change.path, bytes: content, commit, ...(alsoAt.length > 0 && { alsoAt }) } };
}

function progressReporter(stats: SourceStats, onProgress: HistoryOptions['onProgress']) {
  let totalCommits: number | null = null;
  let lastReport = 0;
  const report = () => {
    lastReport = Date.now();
    onProgress?.({ commits: stats.commitsScanned ?? 0, blobs: stats.blobsScanned ?? 0, bytes: stats.bytesScanned, totalCommits });
  };
  return {
    setTotal(count: number) {
      totalCommits = Number.isFinite(count) ? count : null;
    },
    update() {
      if (onProgress && Date.now() - lastReport >= PROGRESS_INTERVAL_MS) report();
    },
    finish() {
      // The walk is over, so the commits it saw are the total, whether or not rev-list --count
      // (which runs alongside) has answered yet.
      totalCommits ??= stats.commitsScanned ?? 0;
      if (onProgress) report();
    },
  };
}
