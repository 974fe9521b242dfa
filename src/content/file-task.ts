/**
 * A file a folder walk listed, handed to the detection engine by path instead of by bytes: the
 * read, the content stage and detection then all happen on the thread that runs the detector (a
 * worker, once a scan is big), so reads use every core and file bytes never cross threads. What
 * the content stage counted and skipped comes back with the findings.
 */
import type { RawFinding } from '../finding/raw-finding.js';
import type { Chunk } from '../sources/chunk.js';
import { openListedFile, type ScratchBuffer } from '../sources/read-file.js';
import { emptyStats, type SourceStats } from '../sources/source.js';
import { ContentStage } from './content-stage.js';
import type { ContentItem, ContentOptions } from './item.js';

/** What crosses to a worker: plain data. */
export interface FileTaskRequest {
  /** Path shown in findings. */
  path: string;
  absolutePath: string;
  contentOptions: ContentOptions;
}

export interface FileTask extends FileTaskRequest {
  /** Receives the file's outcome (counts, skips, warnings, key-file findings) on the main thread. */
  settle(stats: FileStats): void;
}

/** A file's stats without the empty parts: most files send back two numbers, not four fields and three arrays. */
export type FileStats = Partial<SourceStats>;

export interface FileTaskOutcome {
  findings: RawFinding[];
  stats: FileStats;
}

export function isFileTask(input: Chunk | FileTaskRequest): input is FileTaskRequest {
  return 'absolutePath' in input;
}

/** The plain-data part of a task, for postMessage. */
export function taskRequest({ path, absolutePath, contentOptions }: FileTaskRequest): FileTaskRequest {
  return { path, absolutePath, contentOptions };
}

/**
 * Reads the file, runs it through the content stage and `detect`s each chunk. `scratch` receives
 * the bytes of a small file: a caller runs its tasks one after another, never two at once with
 * the same scratch buffer.
 */
export async function runFileTask(task: FileTaskRequest, detect: (chunk: Chunk) => RawFinding[], scratch: ScratchBuffer): Promise<FileTaskOutcome> {
  const stats = emptyStats();
  const findings: RawFinding[] = [];
  const opened = openListedFile(task.absolutePath, task.contentOptions.maxFileSize, scratch);
  if ('skipped' in opened) {
    return { findings, stats: { skipped: [{ path: task.path, ...opened.skipped }] } };
  }
  const stage = new ContentStage(task.contentOptions, stats);
  const item: ContentItem = { path: task.path, ...opened.item };
  const whole = stage.wholeText(item);
  if (whole) return { findings: detect(whole), stats: withoutEmptyParts(stats) };
  for await (const chunk of stage.chunks(item)) {
    for (const finding of detect(chunk)) findings.push(finding);
  }
  return { findings, stats: withoutEmptyParts(stats) };
}

function withoutEmptyParts(stats: SourceStats): FileStats {
  const { filesScanned, bytesScanned, skipped, warnings, fileFindings } = stats;
  return {
    filesScanned,
    bytesScanned,
    ...(skipped.length > 0 && { skipped }),
    ...(warnings.length > 0 && { warnings }),
    ...(fileFindings.length > 0 && { fileFindings }),
  };
}
