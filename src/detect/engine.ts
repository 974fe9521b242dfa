import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { RawFinding } from '../finding/raw-finding.js';
import { compileRules } from '../rules/compile.js';
import type { RuleDefinition } from '../rules/types.js';
import { ScratchBuffer } from '../sources/read-file.js';
import type { SourceItem } from '../sources/source.js';
import { isFileTask, runFileTask, taskRequest, type FileTask } from '../content/file-task.js';
import { WINDOW_BYTES, WINDOW_MARGIN } from '../content/windows.js';
import { COLLECT_EVERY_BYTES, GarbageSchedule } from './collect-garbage.js';
import { Detector } from './detector.js';
import { KeptFindings, MAX_KEPT_FINDINGS, type FindingRank } from './kept-findings.js';
import type { BatchReply, BatchRequest, WorkerSetup } from './worker.js';

/** Scans stay on the main thread until they grow past this; a worker costs ~40 ms to start. */
const INLINE_BYTES = 4 * 1024 * 1024;
const BATCH_BYTES = 256 * 1024;
const BATCH_FILES = 256;
const IN_FLIGHT_PER_WORKER = 2;
/**
 * Chunk bytes sent to the workers and not yet answered, per worker. Batches alone would let each
 * worker hold two windows (a big file or blob goes out one window per batch) plus their
 * decoded copies; this lets each have about one window, which is all it can scan at a time. Only
 * streamed big content reaches it: batches of small chunks are limited to BATCH_BYTES.
 */
const IN_FLIGHT_BYTES_PER_WORKER = WINDOW_BYTES + 2 * WINDOW_MARGIN;
/**
 * A worker's short-lived strings (each chunk decoded, its line index, regex results) live in V8's
 * young generation, which by default grows to tens of MB per thread. Capping it at 8 MB cut the
 * benchmark tree scan's peak RSS from ~310 to ~255 MB with no measurable loss of speed; with 2 MB
 * windows, 4 MB costs no CPU either (tree 10.2-10.5 vs 10.5-10.6 CPU s) and takes the benchmark
 * history's peak from 284-305 to 286-293 MB (three runs each).
 */
const WORKER_YOUNG_GENERATION_MB = 4;

const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));

interface PendingBatch {
  resolve: () => void;
}

interface SentBatch {
  orders: number[];
  /** Chunk bytes in the batch (file tasks count none: the worker reads them). */
  bytes: number;
  /** The file task behind each item, null for a chunk: its outcome is settled on this thread. */
  tasks: (FileTask | null)[];
  worker: Worker;
}

/**
 * The chunk buffers that can move to a worker instead of being copied: those that own their whole
 * ArrayBuffer (not a slice of Buffer's shared pool, which other buffers still use). The main
 * thread never reads a chunk again after queueing it, so moving halves the peak memory of a scan.
 */
function ownedBuffers(items: BatchRequest['items']): ArrayBuffer[] {
  const owned = new Set<ArrayBuffer>();
  for (const item of items) {
    if (isFileTask(item)) continue;
    const { content } = item;
    const buffer = content.buffer;
    if (buffer instanceof ArrayBuffer && content.byteOffset === 0 && content.byteLength === buffer.byteLength && content.byteLength > 0) {
      owned.add(buffer);
    }
  }
  return [...owned];
}

/**
 * Runs the detector over a stream of chunks: inline for small scans (a pre-commit hook must not pay
 * for workers), then, once the scan proves big, in a pool of workers, one per core, fed in batches
 * with bounded in-flight work so memory stays flat however large the source is.
 */
export class DetectionEngine {
  private readonly inline: Detector;
  /** Bounded: the most severe findings, the rest counted (kept-findings.ts). */
  readonly kept: KeptFindings;
  private workers: Worker[] | null = null;
  private inlineBytes = 0;
  private order = 0;
  private batch: BatchRequest['items'] = [];
  private batchOrders: number[] = [];
  private batchTasks: (FileTask | null)[] = [];
  private batchBytes = 0;
  private nextBatch = 0;
  private readonly inFlight = new Map<number, SentBatch>();
  private inFlightBytes = 0;
  /** Small files read inline land here (runFileTask). */
  private readonly scratch = new ScratchBuffer();
  private waiting: PendingBatch | null = null;
  private windowGarbage: GarbageSchedule | null = null;
  private failure: Error | null = null;

  /** `findingRank`: the source's order of findings when its chunks arrive out of it (history). */
  constructor(
    private readonly definitions: RuleDefinition[],
    findingRank?: FindingRank,
    private readonly parallel = true,
  ) {
    this.inline = new Detector(compileRules(definitions));
    this.kept = new KeptFindings(MAX_KEPT_FINDINGS, findingRank);
  }

  /**
   * Scans `input` now or queues it for a worker; resolves when more input may be pushed. A file
   * task's outcome is settled when its findings are in, in no particular order.
   */
  async push(input: SourceItem): Promise<void> {
    const order = this.order++;
    if (this.workers === null && !(this.shouldGoParallel() && (await this.startWorkers()))) {
      if (isFileTask(input)) {
        const { findings, stats } = await runFileTask(input, (chunk) => this.inline.detect(chunk), this.scratch);
        this.inlineBytes += stats.bytesScanned ?? 0;
        this.kept.add(order, findings);
        input.settle(stats);
      } else {
        this.inlineBytes += input.content.length;
        this.kept.add(order, this.inline.detect(input));
      }
      return;
    }
    // A file task's bytes are unknown until a worker reads it; it is counted by BATCH_FILES alone.
    this.batch.push(isFileTask(input) ? taskRequest(input) : input);
    this.batchTasks.push(isFileTask(input) ? input : null);
    this.batchOrders.push(order);
    if (!isFileTask(input)) {
      this.batchBytes += input.content.length;
      // Big content streamed through this thread (a big blob cut into windows) leaves the pieces
      // it came in as garbage, and little else is allocated here meanwhile to have them collected.
      if (input.window) (this.windowGarbage ??= new GarbageSchedule(COLLECT_EVERY_BYTES, 'major')).passed(input.content.length);
    }
    if (this.batchBytes >= BATCH_BYTES || this.batch.length >= BATCH_FILES) await this.flush();
  }

  /** Waits for every queued chunk and returns all findings in source order. */
  async finish(): Promise<RawFinding[]> {
    try {
      if (this.batch.length > 0) await this.flush();
      while (this.inFlight.size > 0) await this.settle();
      if (this.failure) throw this.failure;
    } finally {
      await Promise.all((this.workers ?? []).map((worker) => worker.terminate()));
    }
    return this.kept.inOrder();
  }

  private shouldGoParallel(): boolean {
    return this.parallel && this.inlineBytes >= INLINE_BYTES && availableParallelism() >= 2 && existsSync(WORKER_FILE);
  }

  /** worker_threads is loaded only here: a pre-commit hook's small scan never needs it (~3 ms). */
  private async startWorkers(): Promise<true> {
    const { Worker } = await import('node:worker_threads');
    this.workers = Array.from({ length: availableParallelism() }, () => this.startWorker(Worker));
    return true;
  }

  private startWorker(WorkerThread: typeof Worker): Worker {
    const setup: WorkerSetup = { rules: this.definitions };
    const worker = new WorkerThread(WORKER_FILE, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    worker.on('message', (reply: BatchReply) => {
      const sent = this.inFlight.get(reply.batch)!;
      this.inFlight.delete(reply.batch);
      this.inFlightBytes -= sent.bytes;
      reply.results.forEach(({ findings, stats }, index) => {
        this.kept.add(sent.orders[index]!, findings);
        if (stats) sent.tasks[index]!.settle(stats);
      });
      this.wake();
    });
    worker.on('error', (error) => {
      this.failure ??= error;
      this.inFlight.clear();
      this.inFlightBytes = 0;
      this.wake();
    });
    return worker;
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.resolve();
  }

  private settle(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting = { resolve };
    });
  }

  private leastBusy(workers: Worker[]): Worker {
    const load = new Map(workers.map((worker) => [worker, 0]));
    for (const { worker } of this.inFlight.values()) load.set(worker, load.get(worker)! + 1);
    return workers.reduce((best, worker) => (load.get(worker)! < load.get(best)! ? worker : best));
  }

  /** True while the workers hold as much as they may: a batch count per worker and a byte budget (one over-budget batch may go alone). */
  private full(workers: Worker[]): boolean {
    if (this.inFlight.size >= workers.length * IN_FLIGHT_PER_WORKER) return true;
    return this.inFlight.size > 0 && this.inFlightBytes + this.batchBytes > workers.length * IN_FLIGHT_BYTES_PER_WORKER;
  }

  private async flush(): Promise<void> {
    const workers = this.workers!;
    while (this.full(workers) && !this.failure) await this.settle();
    if (this.failure) throw this.failure;
    const worker = this.leastBusy(workers);
    const request: BatchRequest = { batch: this.nextBatch++, items: this.batch };
    this.inFlight.set(request.batch, { orders: this.batchOrders, bytes: this.batchBytes, tasks: this.batchTasks, worker });
    this.inFlightBytes += this.batchBytes;
    worker.postMessage(request, ownedBuffers(this.batch));
    this.batch = [];
    this.batchOrders = [];
    this.batchTasks = [];
    this.batchBytes = 0;
  }
}
