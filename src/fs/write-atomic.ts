import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { nodeCrypto } from '../node-crypto.js';

/**
 * Replaces `path` with `content` so that a reader (or a crash) sees the old file or the new one,
 * never half of it: the content goes to a new temp file beside it (same folder, so the rename
 * stays on one file system), is flushed, and is renamed over the target. An existing file keeps
 * its permission bits exactly; a new one gets `newFileMode` (default 0o644) less the umask.
 */
export function writeFileAtomic(path: string, content: string | Buffer, newFileMode = 0o644): void {
  const existing = existingMode(path);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${nodeCrypto().randomBytes(4).toString('hex')}.tmp`);
  // `wx`: never follow or reuse something already at the temp path.
  const fd = openSync(temp, 'wx', existing ?? newFileMode);
  try {
    if (existing !== null) fchmodSync(fd, existing);
    writeAll(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * A write may take fewer bytes than it was given (a file size limit, `ulimit -f`, stops it at the
 * limit); the next one then fails with the reason (EFBIG). Taking the count as "all written" would
 * rename a truncated file into place and report success.
 */
function writeAll(fd: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
}

function existingMode(path: string): number | null {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return null;
  }
}
