/**
 * Garbage collection on a byte schedule, for threads that pass a lot of bytes through Buffers.
 *
 * V8 sees the bytes of a Buffer (and of a string Node keeps outside its heap, as it does for the
 * latin1 text of a chunk over 1 MB) only as "external" memory, and starts to reclaim dead ones only
 * once 64 MB more of it has piled up since its last full collection, per thread. A thread that
 * allocates little else on its heap in between (a detection worker scanning big chunks, the main
 * thread streaming a big blob into windows) can sit on that much garbage; with two workers and the
 * main thread it was a third of the benchmark history scan's peak RSS (/proc/PID/smaps: the malloc
 * arenas). Collecting after every few MB that went through keeps the garbage to about that.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Bytes a thread lets through between two full collections: a worker's heap is small, so each
 * takes a few ms, and the garbage held stays about this size (measured with 8 MB windows, before
 * windows shrank to 2 MB; a collection per window would now be four times as many).
 */
export const COLLECT_EVERY_BYTES = 8 * 1024 * 1024;

type Collect = (options?: { type: 'major' | 'minor' }) => void;

let exposed: Collect | null = null;

/**
 * V8's `gc()`, which Node gives scripts only behind --expose-gc. The flag is read when a context is
 * created: it is set just long enough to create one and take the function from it, then set back,
 * so a program that imports keyguard does not find `gc` in the contexts it creates afterwards (nor
 * loses it when it was started with --expose-gc itself). V8 flags are the whole process's: a
 * detection worker doing the same at the same moment can set it back in between, hence the retries.
 */
function exposedGc(): Collect {
  if (exposed) return exposed;
  const own = (globalThis as { gc?: Collect }).gc;
  if (typeof own === 'function') return (exposed = own);
  for (let attempt = 0; attempt < 100 && !exposed; attempt++) {
    setFlagsFromString('--expose-gc');
    try {
      exposed = runInNewContext('typeof gc === "function" ? gc : null') as Collect | null;
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  }
  if (!exposed) throw new Error('cannot expose V8 garbage collection (--expose-gc)');
  return exposed;
}

export class GarbageSchedule {
  private sinceLast = 0;
  private readonly collect = exposedGc();

  /**
   * @param everyBytes bytes to let through between two collections
   * @param type `major`: the whole heap; `minor`: only the young generation (cheap, and enough for
   *   buffers that die before anything else is allocated, such as the pieces of a streamed blob)
   */
  constructor(
    private readonly everyBytes: number,
    private readonly type: 'major' | 'minor',
  ) {}

  /** Counts `bytes` let through; collects once they add up to the schedule. */
  passed(bytes: number): void {
    this.sinceLast += bytes;
    if (this.sinceLast < this.everyBytes) return;
    this.sinceLast = 0;
    this.collect({ type: this.type });
  }
}
