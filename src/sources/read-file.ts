import { closeSync, constants, createReadStream, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { ByteStream } from '../content/byte-stream.js';
import { readFifo } from '../content/fifo.js';
import type { ContentItem } from '../content/item.js';
import { SNIFF_BYTES } from '../content/sniff.js';
import { WINDOW_BYTES } from '../content/windows.js';
import { readInto } from '../fs/read-into.js';
import type { SkippedItem } from './source.js';

export type OpenResult = { item: Omit<ContentItem, 'path'> } | { skipped: Omit<SkippedItem, 'path'> };

/** Pieces a big file is read in. */
const READ_PIECE_BYTES = 1024 * 1024;

/**
 * Open flags for a file a folder walk listed as a regular file, in case it was swapped since:
 * a FIFO put in its place is not waited on (O_NONBLOCK), a symbolic link is not followed
 * (O_NOFOLLOW: it reads as unreadable, ELOOP). Both are 0 where the platform lacks them.
 */
const LISTED_FILE_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

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
  return openRegular(absolutePath, constants.O_RDONLY, maxFileSize, null);
}

/**
 * Opens a file that a folder walk listed as a regular file, with one open and one fstat and no
 * stat by path (the directory entry already said what it is). `scratch`, when given, receives a
 * small file's bytes instead of a new buffer: the caller must be done with them before the next
 * read into it.
 */
export function openListedFile(absolutePath: string, maxFileSize: number | null, scratch: ScratchBuffer | null): OpenResult {
  return openRegular(absolutePath, LISTED_FILE_FLAGS, maxFileSize, scratch);
}

function openRegular(absolutePath: string, flags: number, maxFileSize: number | null, scratch: ScratchBuffer | null): OpenResult {
  let fd: number;
  try {
    fd = openSync(absolutePath, flags);
  } catch (error) {
    return { skipped: { reason: 'unreadable', detail: errorCode(error) } };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { skipped: { reason: 'not-a-file', detail: specialKind(stats) } };
    if (maxFileSize !== null && stats.size > maxFileSize) return { skipped: { reason: 'too-large', detail: `${stats.size} bytes, over --max-file-size` } };
    if (stats.size > WINDOW_BYTES) return { item: { bytes: new ByteStream(filePieces(absolutePath, flags)), size: stats.size, file: absolutePath } };
    // Not from Buffer's shared pool: a buffer that owns its memory can be handed to a detection
    // worker without a copy (see detect/engine.ts).
    const content = scratch && stats.size <= SCRATCH_MAX_BYTES ? scratch.take(stats.size) : Buffer.allocUnsafeSlow(stats.size);
    const bytes = readInto(fd, content);
    return { item: { bytes, size: bytes.length, file: absolutePath } };
  } catch (error) {
    return { skipped: { reason: 'unreadable', detail: errorCode(error) } };
  } finally {
    closeSync(fd);
  }
}

/**
 * A big file's bytes in pieces, read only when asked for: the content stage sniffs the first piece
 * (SNIFF_BYTES) and, for plain text, reads the file again by position (content/file-windows.ts),
 * so a piece read ahead would be wasted. Read synchronously: a read from the page
 * cache takes well under a millisecond, and a file scan runs on a worker.
 */
async function* filePieces(absolutePath: string, flags: number): AsyncGenerator<Buffer> {
  const fd = openSync(absolutePath, flags);
  try {
    for (let size = SNIFF_BYTES; ; size = READ_PIECE_BYTES) {
      const piece = Buffer.allocUnsafeSlow(size);
      const read = readSync(fd, piece, 0, size, null);
      if (read === 0) return;
      yield read === size ? piece : piece.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

/** Bigger files get a buffer of their own, so each thread's scratch buffer stays small for the rest of the scan. */
const SCRATCH_MAX_BYTES = 1024 * 1024;

/**
 * One buffer that file after file is read into, on a thread that scans each file before reading
 * the next: no allocation, and no garbage, per file.
 */
export class ScratchBuffer {
  private buffer = Buffer.allocUnsafeSlow(64 * 1024);

  /** The first `size` bytes of the buffer, grown as needed; valid until the next call. */
  take(size: number): Buffer {
    if (size > this.buffer.length) this.buffer = Buffer.allocUnsafeSlow(Math.max(size, this.buffer.length * 2));
    return this.buffer.subarray(0, size);
  }
}
