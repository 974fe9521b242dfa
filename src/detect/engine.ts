import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { RawFinding } from '../finding/raw-finding.js';
import { compileRules } from '../rules/compile.js';
import type { RuleDefinition } from '../rules/types.js';
import type { Chunk } from '../sources/chunk.js';
import { Detector } from './detector.js';
import { KeptFindings } from './kept-findings.js';
import type { BatchRequest, WorkerSetup } from './worker.js';

/** Scans stay on the main thread until they grow past this; a worker costs ~40 ms to start. */
const INLINE_BYTES = 4 * 1024 * 1024;
const BATCH_BYTES = 256 * 1024;
const BATCH_FILES = 256;
const IN_FLIGHT_PER_WORKER = 2;
/**
 * A worker's short-lived strings (each chunk decoded, its line index, regex results) live in V8's
 * young generation, which by default grows to tens of MB per thread. Capping it at 8 MB cut the
 * benchmark tree scan's peak RSS from ~310 to ~255 MB with no measurable loss of speed (4 MB was
 * ~10% slower: more frequent scavenges).
 */
const WORKER_YOUNG_GENERATION_MB = 8;

const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));

interface PendingBatch {
  resolve: () => void;
}

/**
 * The chunk buffers that can move to a worker instead of being copied: those that own their whole
 * ArrayBuffer (not a slice of Buffer's shared pool, which other buffers still use). The main
 * thread never reads a chunk again after queueing it, so moving halves the peak memory of a scan.
 */
function ownedBuffers(chunks: readonly Chunk[]): ArrayBuffer[] {
  const owned = new Set<ArrayBuffer>();
  for (const { content } of chunks) {
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
  readonly kept = new KeptFindings();
  private workers: Worker[] | null = null;
  private inlineBytes = 0;
  private order = 0;
  private batch: Chunk[] = [];
  private batchOrders: number[] = [];
  private batchBytes = 0;
  private nextBatch = 0;
  private readonly inFlight = new Map<number, { orders: number[]; worker: Worker }>();
  private waiting: PendingBatch | null = null;
  private failure: Error | null = null;

  constructor(
    private readonly definitions: RuleDefinition[],
    private readonly parallel = true,
  ) {
    this.inline = new Detector(compileRules(definitions));
  }

  /** Scans `chunk` now or queues it for a worker; resolves when more input may be pushed. */
  async push(chunk: Chunk): Promise<void> {
    const order = this.order++;
    if (this.workers === null && !(this.shouldGoParallel() && (await this.startWorkers()))) {
      this.inlineBytes += chunk.content.length;
      this.kept.add(order, this.inline.detect(chunk));
      return;
    }
    this.batch.push(chunk);
    this.batchOrders.push(order);
    this.batchBytes += chunk.content.length;
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
    worker.on('message', (reply: { batch: number; findings: RawFinding[][] }) => {
      const sent = this.inFlight.get(reply.batch);
      this.inFlight.delete(reply.batch);
      reply.findings.forEach((findings, index) => this.kept.add(sent!.orders[index]!, findings));
      this.wake();
    });
    worker.on('error', (error) => {
      this.failure ??= error;
      this.inFlight.clear();
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

  private async flush(): Promise<void> {
    const workers = this.workers!;
    while (this.inFlight.size >= workers.length * IN_FLIGHT_PER_WORKER && !this.failure) await this.settle();
    if (this.failure) throw this.failure;
    const worker = this.leastBusy(workers);
    const request: BatchRequest = { batch: this.nextBatch++, chunks: this.batch };
    this.inFlight.set(request.batch, { orders: this.batchOrders, worker });
    worker.postMessage(request, ownedBuffers(this.batch));
    this.batch = [];
    this.batchOrders = [];
    this.batchBytes = 0;
  }
}
