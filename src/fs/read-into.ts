import { readSync } from 'node:fs';

/**
 * Fills `content` from `fd`, from `position` in the file (null: where the file offset is); fewer
 * bytes when the file ended first (it shrank since its size was taken).
 */
export function readInto(fd: number, content: Buffer, position: number | null = null): Buffer {
  let filled = 0;
  while (filled < content.length) {
    const read = readSync(fd, content, filled, content.length - filled, position === null ? null : position + filled);
    if (read === 0) break;
    filled += read;
  }
  return filled === content.length ? content : content.subarray(0, filled);
}
