/**
 * A detection worker: compiles the rules once, then turns batches of Chunks into Findings. Files
 * come by path (content/file-task.ts): the worker reads them and runs the content stage itself, so
 * reads use every core; the main thread walks and feeds it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isFileTask, runFileTask, type FileTaskOutcome, type FileTaskRequest } from '../content/file-task.js';
import type { RawFinding } from '../finding/raw-finding.js';
import { compileRules } from '../rules/compile.js';
import type { RuleDefinition } from '../rules/types.js';
import type { Chunk } from '../sources/chunk.js';
import { ScratchBuffer } from '../sources/read-file.js';
import { COLLECT_EVERY_BYTES, GarbageSchedule } from './collect-garbage.js';
import { Detector } from './detector.js';

export interface WorkerSetup {
  rules: RuleDefinition[];
}

export interface BatchRequest {
  batch: number;
  items: (Chunk | FileTaskRequest)[];
}

export interface BatchReply {
  batch: number;
  /** One per item; `stats` only for a file task. */
  results: { findings: RawFinding[]; stats?: FileTaskOutcome['stats'] }[];
}

const { rules } = workerData as WorkerSetup;
const detector = new Detector(compileRules(rules));
const scratch = new ScratchBuffer();
const garbage = new GarbageSchedule(COLLECT_EVERY_BYTES, 'major');

function detect(chunk: Chunk): RawFinding[] {
  // Structured clone turns Buffers into plain Uint8Arrays; the detector needs Buffer methods.
  const bytes: Uint8Array = chunk.content;
  const content = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return detector.detect({ ...chunk, content });
}

async function answer(request: BatchRequest): Promise<void> {
  const results: BatchReply['results'] = [];
  let scanned = 0;
  for (const item of request.items) {
    if (isFileTask(item)) {
      const outcome = await runFileTask(item, detect, scratch);
      results.push(outcome);
      scanned += outcome.stats.bytesScanned ?? 0;
    } else {
      results.push({ findings: detect(item) });
      scanned += item.content.length;
    }
  }
  const reply: BatchReply = { batch: request.batch, results };
  parentPort!.postMessage(reply);
  // After the reply: the main thread has the findings while this thread collects.
  garbage.passed(scanned);
}

// One batch at a time, in order: file tasks share the scratch buffer, and memory stays bounded.
let queue = Promise.resolve();
parentPort!.on('message', (request: BatchRequest) => {
  queue = queue.then(() => answer(request));
});
