import { closeSync, createReadStream, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { ByteStream } from '../content/byte-stream.js';
import { readFifo } from '../content/fifo.js';
import type { ContentItem } from '../content/item.js';
import { WINDOW_BYTES } from '../content/windows.js';
import type { SkippedItem } from './source.js';

export type OpenResult = { item: Omit<ContentItem, 'path'> } | { skipped: Omit<SkippedItem, 'path'> };

/** Pieces a big file is read in. */
const READ_PIECE_BYTES = 1024 * 1024;

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'EIO';
}

function specialKind(stats: Stats): string {
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  return 'special file';
}

/**
 * Names of this process's own standard input. When it is a socket (a parent process that spawns
 * keyguard, as Node does) it cannot be opened by name, so it is read through process.stdin, like `-`.
 */
const STDIN_NAMES = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

/**
 * Opens a file for the content stage. A small file is read whole, once (the size comes from the
 * open descriptor); a big one becomes a stream read in pieces, never held whole. A FIFO or device
 * met in a folder is skipped without being opened (opening a FIFO waits for a writer); one the user
 * named (`/dev/stdin`, `<(cmd)`, a FIFO) is read as a stream, like standard input.
 */
export function openScannable(absolutePath: string, named: boolean, maxFileSize: number | null): OpenResult {
  let stats: Stats;
  try {
    stats = statSync(absolutePath);
  } catch (error) {
    return { skipped: { reason: 'unreadable', detail: errorCode(error) } };
  }
  if (!stats.isFile()) {
    if (named && STDIN_NAMES.has(absolutePath)) return { item: { bytes: new ByteStream(process.stdin) } };
    if (named && stats.isFIFO()) return { item: { bytes: new ByteStream(readFifo(absolutePath)) } };
    if (named && stats.isCharacterDevice()) return { item: { bytes: new ByteStream(createReadStream(absolutePath, { highWaterMark: READ_PIECE_BYTES })) } };
    return { skipped: { reason: 'not-a-file', detail: specialKind(stats) } };
  }
  if (maxFileSize !== null && stats.size > maxFileSize) return { skipped: { reason: 'too-large', detail: `${stats.size} bytes, over --max-file-size` } };
  if (stats.size > WINDOW_BYTES) {
    const stream = createReadStream(absolutePath, { highWaterMark: READ_PIECE_BYTES });
    return { item: { bytes: new ByteStream(stream), size: stats.size, file: absolutePath } };
  }
  return readWhole(absolutePath);
}

function readWhole(absolutePath: string): OpenResult {
  let fd: number;
  try {
    fd = openSync(absolutePath, 'r');
  } catch (error) {
    return { skipped: { reason: 'unreadable', detail: errorCode(error) } };
  }
  try {
    const size = fstatSync(fd).size;
    // Not from Buffer's shared pool: a buffer that owns its memory can be handed to a detection
    // worker without a copy (see detect/engine.ts).
    const content = Buffer.allocUnsafeSlow(size);
    let filled = 0;
    while (filled < size) {
      const read = readSync(fd, content, filled, size - filled, null);
      if (read === 0) break;
      filled += read;
    }
    const bytes = filled === size ? content : content.subarray(0, filled);
    return { item: { bytes, size: bytes.length, file: absolutePath } };
  } catch (error) {
    return { skipped: { reason: 'unreadable', detail: errorCode(error) } };
  } finally {
    closeSync(fd);
  }
}
