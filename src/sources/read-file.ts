import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { SkippedItem } from './source.js';
import { looksBinary } from './binary.js';

export type ReadResult = { content: Buffer } | { skipped: Omit<SkippedItem, 'path'> };

/**
 * Reads a file for scanning, once: the size check uses the open descriptor so an over-limit file is
 * never read, and binary files are recognised from the bytes already in memory.
 */
export function readScannable(absolutePath: string, maxFileSize: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(absolutePath, 'r');
  } catch (error) {
    return { skipped: { reason: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? 'EIO' } };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { skipped: { reason: 'not-a-file' } };
    if (stats.size > maxFileSize) return { skipped: { reason: 'too-large', detail: `${stats.size} bytes` } };
    // Not from Buffer's shared pool: a buffer that owns its memory can be handed to a detection
    // worker without a copy (see detect/engine.ts).
    const content = Buffer.allocUnsafeSlow(stats.size);
    let filled = 0;
    while (filled < stats.size) {
      const read = readSync(fd, content, filled, stats.size - filled, null);
      if (read === 0) break;
      filled += read;
    }
    const data = filled === stats.size ? content : content.subarray(0, filled);
    if (looksBinary(data)) return { skipped: { reason: 'binary' } };
    return { content: data };
  } catch (error) {
    return { skipped: { reason: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? 'EIO' } };
  } finally {
    closeSync(fd);
  }
}
