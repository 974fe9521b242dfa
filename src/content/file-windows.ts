/**
 * A big plain-text file on disk, cut into windows read by position (content/windows.ts
 * positionalWindows): each window's bytes go from the page cache straight into the buffer the
 * detector reads. Streamed instead, a file was read in 1 MB pieces and every window copied out of
 * them, and the pieces' fresh memory faulted page by page: the benchmark tree's 23 files over 2 MB
 * (a third of its bytes) took half of its CPU time.
 */
import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { readInto } from '../fs/read-into.js';
import { positionalWindows, type TextWindow } from './windows.js';

/** Not following a symbolic link swapped in since the walk listed the file; not waiting on a FIFO. */
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** The file's windows, and in `counted` how many of its bytes they cover; throws what open and read throw (the caller skips the file as unreadable). */
export function* fileWindows(path: string, counted: { bytes: number }): Generator<TextWindow> {
  const fd = openSync(path, FLAGS);
  try {
    const readAt = (position: number, length: number): Buffer => {
      // Owns its memory, so the detection engine can move it to a worker without a copy.
      const content = readInto(fd, Buffer.allocUnsafeSlow(length), position);
      // Windows overlap: what is counted is how far into the file they reached.
      counted.bytes = Math.max(counted.bytes, position + content.length);
      return content;
    };
    yield* positionalWindows(fstatSync(fd).size, readAt);
  } finally {
    closeSync(fd);
  }
}
