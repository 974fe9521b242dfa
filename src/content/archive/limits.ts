/**
 * Limits against hostile archives. An archive is read as a stream and never extracted, so these
 * bound time and memory, not disk: a zip bomb, a million empty entries or an endless nesting is
 * stopped and reported in the summary (skip reason `archive-limit`), never a crash.
 */

/** Entries read from one archive given on the command line, nested archives included. */
export const MAX_ENTRIES = 100_000;
/** Uncompressed bytes read from one archive given on the command line, nested archives included. */
export const MAX_TOTAL_BYTES = 16 * 1024 * 1024 * 1024;
/**
 * Uncompressed/compressed ratio above which an entry is a bomb. Text and code compress up to ~20x,
 * a run of zeros over 1000x. Only entries above RATIO_FLOOR bytes are judged.
 */
export const MAX_RATIO = 200;
export const RATIO_FLOOR = 1024 * 1024;
/**
 * A zip is read through its central directory at the end, so a zip that is not a file on disk (an
 * entry of another archive, standard input) is held in memory: up to this size.
 */
export const MAX_BUFFERED_ZIP = 128 * 1024 * 1024;
/** gzip inside gzip inside gzip…: layers peeled from one item. */
export const MAX_GZIP_LAYERS = 3;

/** Raised when an archive passes a limit; the content stage turns it into a skip reason. */
export class ArchiveLimitError extends Error {}

/** The entry and byte allowance of one archive given on the command line, shared by its nested archives. */
export class ArchiveBudget {
  private entries = 0;
  private bytes = 0;

  takeEntry(): void {
    if (++this.entries > MAX_ENTRIES) throw new ArchiveLimitError(`more than ${MAX_ENTRIES} entries`);
  }

  takeBytes(count: number): void {
    this.bytes += count;
    if (this.bytes > MAX_TOTAL_BYTES) throw new ArchiveLimitError(`more than ${MAX_TOTAL_BYTES / 1024 ** 3} GB uncompressed`);
  }

  /** Counts what flows through `pieces` against the byte allowance. */
  async *metered(pieces: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const piece of pieces) {
      this.takeBytes(piece.length);
      yield piece;
    }
  }
}

/** Fails a decompression stream whose output outgrows its input by more than MAX_RATIO. */
export async function* ratioGuarded(output: AsyncIterable<Buffer>, compressedSoFar: () => number): AsyncGenerator<Buffer> {
  let produced = 0;
  for await (const piece of output) {
    produced += piece.length;
    if (produced > RATIO_FLOOR && produced > MAX_RATIO * Math.max(1, compressedSoFar())) {
      throw new ArchiveLimitError(`compression ratio over ${MAX_RATIO}:1 (a zip bomb?)`);
    }
    yield piece;
  }
}

/**
 * An entry name as a path inside the archive, or null when it tries to leave it (`../x`, `/etc/x`,
 * `C:\x`): such names do no harm here (nothing is extracted) but are worth a warning, and the
 * entry is still scanned under its cleaned name.
 */
export function entryPath(name: string): { path: string; escapes: boolean } {
  const parts = name.replaceAll('\\', '/').split('/');
  const kept: string[] = [];
  let escapes = /^([a-zA-Z]:|\/)/.test(name.replaceAll('\\', '/'));
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      escapes = true;
      continue;
    }
    kept.push(part);
  }
  return { path: kept.join('/') || '(unnamed)', escapes };
}
