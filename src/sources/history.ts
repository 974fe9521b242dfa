import type { CommitInfo } from '../finding/finding.js';
import { shortSha } from '../finding/short-sha.js';
import type { RawFinding } from '../finding/raw-finding.js';
import { envFileFinding, isEnvFile } from '../hygiene/env-files.js';
import { GitError } from '../git/errors.js';
import { allObjectHeaders, catFileBulk } from '../git/bulk-read.js';
import { readLog, type FileChange } from '../git/raw-log.js';
import { askGit, openRepository, shallowCloneWarning, type Repository } from '../git/repository.js';
import { resolveRevisions, type RevisionOptions } from '../git/revisions.js';
import { ByteStream } from '../content/byte-stream.js';
import { ContentStage } from '../content/content-stage.js';
import type { ContentOptions } from '../content/item.js';
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

const PROGRESS_INTERVAL_MS = 100;
/**
 * Blobs are read in pack order (after listing every object in the repository) when the scan wants
 * at least this share of the repository's objects; a narrow range (`--since` in a pre-push hook)
 * asks git for its few blobs instead of listing a big repository.
 */
const PACK_ORDER_SHARE = 1 / 8;

/** A blob the walk met for the first time: where and when it appeared. Its index in the walk is its ordinal. */
interface Introduction {
  change: FileChange;
  commit: CommitInfo;
  /** Other paths the same commit introduced it at. */
  alsoAt: string[];
}

/**
 * Every commit reachable from every ref (or the narrowed selection), with each distinct blob
 * scanned once and attributed to the commit that first introduced it, oldest first. Paths are
 * relative to `root`; a root below the top level of the work tree limits the scan to that folder.
 * A bare repository works too: history needs no work tree.
 *
 * A blob that reappears at another path in a later commit (a copy, a move, a revert) is not
 * scanned again: it is the same bytes and so the same leaked keys, already reported with the
 * commit that leaked them first; rotating the key fixes every copy. A blob one commit introduces
 * at several paths (a file copied into two environments) is scanned once and reported at each
 * path (Chunk.alsoAt): each is a place to clean. Env-file hygiene is per path instead, since each path that
 * held an env file has to be purged from history separately.
 *
 * The walk (`git log --raw`, no blob bytes: a few % of the work) decides every blob's commit and
 * paths first, since the detector needs the path; the blobs are then read in the order git
 * stores them, not in commit order, so chunks come out of commit order. `findingRank` (a finding's
 * commit's place in the walk) puts the findings back into it (dedupe keeps the first finding, the
 * one at the introducing commit).
 */
export function historySource(root: string, options: HistoryOptions): Source {
  const stats: SourceStats = { ...emptyStats(), commitsScanned: 0, blobsScanned: 0 };
  const envFilesAdded = new Map<string, CommitInfo>();
  const commitOrder = new Map<string, number>();
  const rank = (finding: { commit: CommitInfo | null }) => (finding.commit ? (commitOrder.get(finding.commit.sha) ?? commitOrder.size) : commitOrder.size);
  const inCommitOrder = <T extends { commit: CommitInfo | null }>(findings: T[]): T[] => {
    return findings.map((finding, index) => ({ finding, index, rank: rank(finding) })).sort((a, b) => a.rank - b.rank || a.index - b.index).map(({ finding }) => finding);
  };
  return {
    stats,
    chunks: () => walkHistory(root, options, stats, envFilesAdded, commitOrder, inCommitOrder),
    async hygieneFindings(): Promise<RawFinding[]> {
      return [...envFilesAdded].map(([path, commit]) => envFileFinding('committed', path, commit));
    },
    findingRank: rank,
  };
}

async function* walkHistory(
  root: string,
  options: HistoryOptions,
  stats: SourceStats,
  envFilesAdded: Map<string, CommitInfo>,
  commitOrder: Map<string, number>,
  inCommitOrder: <T extends { commit: CommitInfo | null }>(findings: T[]) => T[],
): AsyncGenerator<Chunk> {
  const { maxCommits } = options;
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

  // Each commit's message is a chunk of its own, handed on during the walk: a key pasted into a
  // message leaks too.
  const introductions: Introduction[] = [];
  for await (const commit of walkLog(repo, revisions, maxCommits, introductions, envFilesAdded)) {
    commitOrder.set(commit.sha, commitOrder.size);
    stats.commitsScanned = (stats.commitsScanned ?? 0) + 1;
    progress.update();
    yield { path: COMMIT_MESSAGE_PATH, content: Buffer.from(commit.summary), commit };
  }

  // Skips are listed in walk order, as they were before blobs were read in pack order.
  const skippedOrdinals: number[] = [];
  const noteSkips = (ordinal: number) => {
    while (skippedOrdinals.length < stats.skipped.length) skippedOrdinals.push(ordinal);
  };
  const content = new ContentStage(options.content, stats);
  for await (const read of blobReads(repo.cwd, introductions, options.content.maxFileSize)) {
    const { change, commit, alsoAt } = introductions[read.ordinal]!;
    if ('skipped' in read) stats.skipped.push({ path: change.path, ...read.skipped });
    else yield* content.chunks({ path: change.path, bytes: read.bytes, ...(read.size !== undefined && { size: read.size }), commit, ...(alsoAt.length > 0 && { alsoAt }) });
    noteSkips(read.ordinal);
    stats.blobsScanned = stats.filesScanned;
    progress.update();
  }
  const walkOrder = stats.skipped.map((item, index) => ({ item, ordinal: skippedOrdinals[index]! })).sort((a, b) => a.ordinal - b.ordinal);
  stats.skipped.splice(0, stats.skipped.length, ...walkOrder.map(({ item }) => item));
  stats.fileFindings.splice(0, stats.fileFindings.length, ...inCommitOrder(stats.fileFindings));
  progress.finish();
}

/**
 * Walks the log oldest first and records each blob the first time it appears, in walk order, with
 * the other paths the same commit introduced it at; yields each commit as the walk reaches it.
 */
async function* walkLog(
  repo: Repository,
  revisions: string[],
  maxCommits: number | undefined,
  introductions: Introduction[],
  envFilesAdded: Map<string, CommitInfo>,
): AsyncGenerator<CommitInfo> {
  const seenBlobs = new Set<string>();
  // The commit being read: its new blobs, by sha.
  let introduced = new Map<string, Introduction>();
  let commit: CommitInfo | null = null;
  for await (const event of readLog(repo.cwd, revisions, maxCommits)) {
    if (event.kind === 'commit') {
      introductions.push(...introduced.values());
      introduced = new Map();
      commit = event.commit;
      yield commit;
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
    introduced.set(change.blob, { change, commit, alsoAt: [] });
  }
  introductions.push(...introduced.values());
}

/** One introduced blob's bytes, whole or streamed, or why it is not read. */
type BlobRead = { ordinal: number; bytes: Buffer | ByteStream; size?: number } | { ordinal: number; skipped: Omit<SkippedItem, 'path'> };

/**
 * The introduced blobs' bytes. Sizes come first (from the pack listing or one --batch-check), so
 * an oversized blob is never inflated and piped by git. Blobs up to WINDOW_BYTES are then read
 * whole through one bulk `git cat-file --batch`, in pack order when the scan covers much of the
 * repository; bigger ones are streamed one by one afterwards.
 */
async function* blobReads(cwd: string, introductions: Introduction[], maxFileSize: number | null): AsyncGenerator<BlobRead> {
  const where = (ordinal: number) => {
    const { change, commit } = introductions[ordinal]!;
    return `blob ${change.blob.slice(0, 12)} from commit ${shortSha(commit.sha)}`;
  };
  const wholeLimit = Math.min(maxFileSize ?? WINDOW_BYTES, WINDOW_BYTES);
  const whole = new Map<string, number>();
  const streamed: { ordinal: number; size: number }[] = [];
  for await (const { ordinal, size } of locateBlobs(cwd, introductions)) {
    if (size === null) yield { ordinal, skipped: { reason: 'unreadable', detail: `${where(ordinal)} is missing from the repository` } };
    else if (maxFileSize !== null && size > maxFileSize) yield { ordinal, skipped: { reason: 'too-large', detail: `${where(ordinal)} is ${size} bytes` } };
    else if (size > wholeLimit) streamed.push({ ordinal, size });
    else whole.set(introductions[ordinal]!.change.blob, ordinal);
  }

  for await (const answer of catFileBulk(cwd, [...whole.keys()], { mode: 'contents', maxSize: wholeLimit })) {
    const ordinal = whole.get(answer.sha);
    if (ordinal === undefined || 'missing' in answer || !answer.content) continue;
    whole.delete(answer.sha);
    yield { ordinal, bytes: answer.content };
  }
  for (const ordinal of whole.values()) yield { ordinal, skipped: { reason: 'unreadable', detail: `${where(ordinal)} could not be read` } };
  for (const { ordinal, size } of streamed) yield { ordinal, bytes: new ByteStream(streamBlob(cwd, introductions[ordinal]!.change.blob)), size };
}

/** An introduced blob and its size, or null when the repository does not have it. */
interface Located {
  ordinal: number;
  size: number | null;
}

/**
 * Each introduced blob's size, in the order to read them: pack order when the scan wants a good
 * share of the repository's objects, walk order otherwise.
 */
async function* locateBlobs(cwd: string, introductions: Introduction[]): AsyncGenerator<Located> {
  const unlocated = new Map(introductions.map(({ change }, ordinal) => [change.blob, ordinal]));
  if (unlocated.size >= (await objectCount(cwd)) * PACK_ORDER_SHARE) {
    // Lists unreachable objects and objects outside the selection too: only the walk's blobs are kept.
    for await (const answer of allObjectHeaders(cwd)) {
      const ordinal = unlocated.get(answer.sha);
      if (ordinal === undefined || 'missing' in answer || answer.type !== 'blob') continue;
      unlocated.delete(answer.sha);
      yield { ordinal, size: answer.size };
    }
  }
  // Blobs the listing did not have (or all of them, for a narrow scan): asked for by name.
  for await (const answer of catFileBulk(cwd, [...unlocated.keys()], { mode: 'info' })) {
    const ordinal = unlocated.get(answer.sha);
    if (ordinal === undefined) continue;
    yield { ordinal, size: 'missing' in answer || answer.type !== 'blob' ? null : answer.size };
  }
}

/** Objects in the repository, loose and packed (`git count-objects -v`). */
async function objectCount(cwd: string): Promise<number> {
  const counts = await askGit(cwd, ['count-objects', '-v']);
  const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(counts)?.[1] ?? 0);
  return field('count') + field('in-pack');
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
