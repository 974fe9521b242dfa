/**
 * The tar family read with tar-stream: a pure streaming parser (no extraction to disk, unlike the
 * `tar` package, which is built to write files), one entry at a time, with backpressure, so a
 * docker-save tarball of gigabytes passes through in constant memory. Loaded on first use only.
 */
import { Readable } from 'node:stream';
import { ByteStream, drainIterator } from '../byte-stream.js';
import type { ContentItem } from '../item.js';
import { innerPath, type ArchiveEvent } from './events.js';
import { entryPath, type ArchiveBudget } from './limits.js';

const FILE_TYPES = new Set(['file', 'contiguous-file']);

export async function* tarEvents(item: ContentItem, budget: ArchiveBudget): AsyncGenerator<ArchiveEvent> {
  const { extract } = (await import('tar-stream')).default;
  const extractor = extract();
  const input = Readable.from(Buffer.isBuffer(item.bytes) ? [item.bytes] : item.bytes);
  input.on('error', (error) => extractor.destroy(error));
  input.pipe(extractor);
  try {
    for await (const entry of extractor) {
      const { header } = entry;
      if (!FILE_TYPES.has(header.type ?? 'file')) {
        entry.resume();
        continue;
      }
      budget.takeEntry();
      const { path: cleanName, escapes } = entryPath(header.name);
      const path = innerPath(item.path, cleanName);
      if (escapes) yield { warning: `${innerPath(item.path, header.name)}: entry name points outside the archive (scanned as ${path})` };
      // tar-stream moves to the next header only once this entry's bytes are consumed.
      const bytes = new ByteStream(budget.metered(entry as AsyncIterable<Buffer>), drainIterator);
      try {
        yield { entry: { path, bytes, ...(header.size !== undefined && { size: header.size }), ...(item.commit && { commit: item.commit }) } };
      } finally {
        await bytes.discard();
      }
    }
  } finally {
    input.unpipe(extractor);
    input.destroy();
    extractor.destroy();
  }
}
