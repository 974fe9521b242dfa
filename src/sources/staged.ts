import { resolve } from 'node:path';
import type { RawFinding } from '../finding/raw-finding.js';
import { envFileFinding, isEnvFile, stagedTrackedEnvFileFinding } from '../hygiene/env-files.js';
import { CatFile, type CatFileObject } from '../git/catfile.js';
import { inOrder } from '../git/ordered-pipeline.js';
import { readStagedFiles, type StagedFile } from '../git/staged-diff.js';
import { ByteStream } from '../content/byte-stream.js';
import { ContentStage } from '../content/content-stage.js';
import type { ContentItem, ContentOptions } from '../content/item.js';
import { WINDOW_BYTES } from '../content/windows.js';
import { streamBlob } from '../git/blob-stream.js';
import type { Chunk } from './chunk.js';
import { emptyStats, type SkippedItem, type Source, type SourceStats } from './source.js';

export interface StagedOptions {
  /** How staged bytes become chunks: caps, binary files, archives (src/content/). */
  content: ContentOptions;
}

/** Staged blobs read ahead of the detector; bounds memory on a huge commit. */
const READ_AHEAD = 32;

/**
 * What the next commit will contain: blobs read from the index (not the working tree, which may
 * differ after `git add`), each with `onlyLines` set to the lines the commit adds, so a key that is
 * already in HEAD does not block every later commit but a newly added one always does. Paths are
 * relative to the work tree's top level, like everything git stages.
 *
 * Runs on every commit from a hook, so it costs two git processes started side by side (one diff,
 * one cat-file).
 */
export function stagedSource(root: string, options: StagedOptions): Source {
  const stats = emptyStats();
  const stagedEnvFiles: StagedFile[] = [];
  return {
    stats,
    chunks: () => readStaged(resolve(root), options.content, stats, stagedEnvFiles),
    async hygieneFindings(): Promise<RawFinding[]> {
      // A new file is unstaged back to untracked; a change to a tracked one needs `git rm --cached`.
      return stagedEnvFiles.map((file) => (file.status === 'A' ? envFileFinding('staged', file.path) : stagedTrackedEnvFileFinding(file.path)));
    },
  };
}

async function* readStaged(cwd: string, options: ContentOptions, stats: SourceStats, stagedEnvFiles: StagedFile[]): AsyncGenerator<Chunk> {
  const content = new ContentStage(options, stats);
  // Started before the diff so both processes boot in parallel.
  const contents = CatFile.open(cwd);
  try {
    const staged = await readStagedFiles(cwd);
    stagedEnvFiles.push(...staged.filter((file) => isEnvFile(file.path)));
    // Regular files only: a symlink stores a path, a submodule entry a commit.
    const files = staged.filter((file) => file.mode.startsWith('100'));

    // Blobs up to WINDOW_BYTES are read whole through the shared cat-file; bigger ones are streamed.
    // A blob that cannot be read is an unread item: the result is incomplete and the hook blocks (exit 3).
    const reads = inOrder(files, READ_AHEAD, async (file) => ({ file, object: await contents.read(file.blob, WINDOW_BYTES) }));
    for await (const { file, object } of reads) {
      const outcome = stagedItem(cwd, file, object, options.maxFileSize);
      if ('skipped' in outcome) {
        stats.skipped.push(outcome.skipped);
        continue;
      }
      yield* content.chunks(outcome.item);
    }
  } finally {
    await contents.close();
  }
}

function stagedItem(cwd: string, file: StagedFile, object: CatFileObject | null, maxFileSize: number | null): { item: ContentItem } | { skipped: SkippedItem } {
  const where = `staged blob ${file.blob.slice(0, 12)}`;
  if (!object) return { skipped: { path: file.path, reason: 'unreadable', detail: `${where} is missing from the object database` } };
  if (object.type !== 'blob') return { skipped: { path: file.path, reason: 'unreadable', detail: `${where} is a ${object.type}, not a blob` } };
  if (maxFileSize !== null && object.size > maxFileSize) return { skipped: { path: file.path, reason: 'too-large', detail: `${object.size} bytes` } };
  const onlyLines = file.addedLines === 'all' ? {} : { onlyLines: file.addedLines };
  const bytes = object.content ?? new ByteStream(streamBlob(cwd, file.blob));
  return { item: { path: file.path, bytes, size: object.size, ...onlyLines } };
}
