/**
 * The zip family (.zip .jar .war .ear .apk .aab .ipa .xpi .vsix .whl .nupkg .crx…) read with
 * yauzl: it reads the central directory, so sizes, the encryption flag and the compression method
 * are known before an entry is inflated (a bomb is refused without inflating it), it checks that
 * every entry inflates to its declared size, and a zip on disk is read by random access through a
 * file descriptor rather than loaded. Loaded on first use only.
 */
import type { Entry, ZipFile } from 'yauzl';
import { ByteStream } from '../byte-stream.js';
import type { ContentItem } from '../item.js';
import { innerPath, type ArchiveEvent } from './events.js';
import { ArchiveLimitError, MAX_BUFFERED_ZIP, MAX_RATIO, RATIO_FLOOR, entryPath, type ArchiveBudget } from './limits.js';

const OPTIONS = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: true } as const;

async function openZip(item: ContentItem): Promise<ZipFile> {
  const yauzl = (await import('yauzl')).default;
  if (item.file) {
    if (!Buffer.isBuffer(item.bytes)) await item.bytes.discard();
    return yauzl.openPromise(item.file, OPTIONS);
  }
  const buffer = Buffer.isBuffer(item.bytes) ? item.bytes : await item.bytes.collect(MAX_BUFFERED_ZIP);
  if (!buffer) {
    if (!Buffer.isBuffer(item.bytes)) await item.bytes.discard();
    throw new ArchiveLimitError(`a zip inside an archive or on standard input is read in memory, up to ${MAX_BUFFERED_ZIP / 1024 ** 2} MB`);
  }
  return yauzl.fromBufferPromise(buffer, OPTIONS);
}

/** yauzl's entries as an async sequence (it emits one `entry` per readEntry() call). */
async function* zipEntries(zip: ZipFile): AsyncGenerator<Entry> {
  for (;;) {
    const entry = await new Promise<Entry | null>((resolve, reject) => {
      const onEntry = (value: Entry) => settle(() => resolve(value));
      const onEnd = () => settle(() => resolve(null));
      const onError = (error: Error) => settle(() => reject(error));
      const settle = (then: () => void) => {
        zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
        then();
      };
      zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
      zip.readEntry();
    });
    if (!entry) return;
    yield entry;
  }
}

function decodeName(entry: Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  // General purpose bit 11: the name is UTF-8; otherwise CP437, whose ASCII part is all that matters here.
  return raw.toString(entry.generalPurposeBitFlag & 0x800 ? 'utf8' : 'latin1');
}

export async function* zipEvents(item: ContentItem, budget: ArchiveBudget): AsyncGenerator<ArchiveEvent> {
  const zip = await openZip(item);
  try {
    for await (const entry of zipEntries(zip)) {
      const name = decodeName(entry);
      if (name.endsWith('/')) continue; // a folder
      budget.takeEntry();
      const { path: cleanName, escapes } = entryPath(name);
      const path = innerPath(item.path, cleanName);
      if (escapes) yield { warning: `${innerPath(item.path, name)}: entry name points outside the archive (scanned as ${path})` };
      if (entry.isEncrypted()) {
        yield { skipped: { path, reason: 'encrypted' } };
        continue;
      }
      if (!entry.canDecodeFileData()) {
        yield { skipped: { path, reason: 'unreadable', detail: `compression method ${entry.compressionMethod}` } };
        continue;
      }
      if (entry.uncompressedSize > RATIO_FLOOR && entry.uncompressedSize > MAX_RATIO * Math.max(1, entry.compressedSize)) {
        yield {
          skipped: { path, reason: 'archive-limit', detail: `compression ratio over ${MAX_RATIO}:1 (${entry.uncompressedSize} bytes from ${entry.compressedSize}): a zip bomb?` },
        };
        continue;
      }
      budget.takeBytes(entry.uncompressedSize);
      const stream = await zip.openReadStreamPromise(entry);
      const bytes = new ByteStream(stream);
      try {
        yield { entry: { path, bytes, size: entry.uncompressedSize, ...(item.commit && { commit: item.commit }) } };
      } finally {
        await bytes.discard();
      }
    }
  } finally {
    zip.close();
  }
}
