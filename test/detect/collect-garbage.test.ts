import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { GarbageSchedule } from '../../src/detect/collect-garbage.js';

const BUILT_MODULE = fileURLToPath(new URL('../../dist/detect/collect-garbage.js', import.meta.url));

describe('GarbageSchedule', () => {
  it('collects without leaving gc() to the contexts the program creates afterwards', () => {
    const hadGc = typeof (globalThis as { gc?: unknown }).gc === 'function';
    const schedule = new GarbageSchedule(1024, 'minor');
    schedule.passed(512);
    schedule.passed(512); // a collection
    expect(runInNewContext('typeof gc')).toBe(hadGc ? 'function' : 'undefined');
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe(hadGc ? 'function' : 'undefined');
  });

  it('gets gc() in threads that ask for it at the same moment (the flag is the whole process\'s)', async () => {
    // Each thread sets the flag, creates a context and sets it back: one can undo another's flag.
    const source = `
      const { workerData, parentPort } = require('node:worker_threads');
      import(workerData).then(({ GarbageSchedule }) => {
        for (let i = 0; i < 20; i++) new GarbageSchedule(1, 'minor').passed(1);
        parentPort.postMessage('ok');
      }, (error) => parentPort.postMessage(String(error)));`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => {
        const worker = new Worker(source, { eval: true, workerData: BUILT_MODULE });
        return new Promise<string>((resolve, reject) => {
          worker.once('message', (message: string) => resolve(message));
          worker.once('error', reject);
        }).finally(() => worker.terminate());
      }),
    );
    expect(answers).toEqual(Array(6).fill('ok'));
  });
});
