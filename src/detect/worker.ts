/**
 * A detection worker: compiles the rules once, then turns batches of Chunks into Findings. The
 * main thread keeps doing the I/O (walking, reading, git streams) while workers use the other
 * cores for the regex work.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileRules } from '../rules/compile.js';
import type { RuleDefinition } from '../rules/types.js';
import type { Chunk } from '../sources/chunk.js';
import { Detector } from './detector.js';

export interface WorkerSetup {
  rules: RuleDefinition[];
}

export interface BatchRequest {
  batch: number;
  chunks: Chunk[];
}

const { rules } = workerData as WorkerSetup;
const detector = new Detector(compileRules(rules));

parentPort!.on('message', (request: BatchRequest) => {
  const findings = request.chunks.map((chunk) => {
    // Structured clone turns Buffers into plain Uint8Arrays; the detector needs Buffer methods.
    const content = Buffer.from(chunk.content.buffer, chunk.content.byteOffset, chunk.content.byteLength);
    return detector.detect({ ...chunk, content });
  });
  parentPort!.postMessage({ batch: request.batch, findings });
});
