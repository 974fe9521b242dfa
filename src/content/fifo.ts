import { constants } from 'node:fs';

/** How long a FIFO that nobody has opened for writing is given before it counts as empty. */
const WRITER_GRACE_MS = 1000;
const POLL_MS = 10;
const PIECE_BYTES = 1024 * 1024;

/**
 * Reads a FIFO (a named pipe, or a process substitution) without ever blocking: a blocking open
 * waits forever for a writer, so the FIFO is opened non-blocking and polled. End of data before
 * any writer appeared is trusted only after WRITER_GRACE_MS, so a writer that starts a moment
 * after keyguard is still read, and a FIFO nobody writes to is an empty input, not a hang.
 */
export async function* readFifo(path: string): AsyncGenerator<Buffer> {
  // Loaded here, not imported: every scan loads this module, few read a FIFO, and node:fs/promises
  // costs a pre-commit hook ~3 ms to load.
  const [{ open }, { setTimeout: sleep }] = await Promise.all([import('node:fs/promises'), import('node:timers/promises')]);
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const opened = Date.now();
  let received = false;
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(PIECE_BYTES);
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, PIECE_BYTES, null));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        received = true; // a writer is connected, with nothing written yet
        await sleep(POLL_MS);
        continue;
      }
      if (bytesRead > 0) {
        received = true;
        yield buffer.subarray(0, bytesRead);
        continue;
      }
      if (received || Date.now() - opened >= WRITER_GRACE_MS) return;
      await sleep(POLL_MS);
    }
  } finally {
    await handle.close();
  }
}
