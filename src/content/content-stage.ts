/**
 * The one place where bytes become chunks for the detector. Every source (working tree, history,
 * staged blobs, standard input) and every archive entry hands its bytes here, and this decides:
 * scan as text, decode UTF-16, cut big text into windows, open an archive and feed its entries
 * back in, extract printable strings from a binary, or skip with a reason for the summary.
 */
import { mayBePkcs12, p12KeyFileFinding } from '../detect/key-files.js';
import type { Chunk } from '../sources/chunk.js';
import type { SkippedItem, SourceStats } from '../sources/source.js';
import { ByteStream } from './byte-stream.js';
import type { ContentItem, ContentOptions } from './item.js';
import { sniff, SNIFF_BYTES, type ContentKind } from './sniff.js';
import { printableStrings } from './strings.js';
import { fileWindows } from './file-windows.js';
import { utf16ToUtf8 } from './utf16.js';
import { textWindows, WINDOW_BYTES } from './windows.js';
import type { ArchiveEvent } from './archive/events.js';
import { ArchiveBudget, ArchiveLimitError, MAX_GZIP_LAYERS, ratioGuarded } from './archive/limits.js';

/**
 * App bundles: their compiled entries (DEX, Mach-O, .so, resources.arsc, binary plists) are where
 * an app's keys live, so binary entries in them are always scanned for printable strings.
 */
const APP_BUNDLE = /\.(apk|aab|apks|xapk|ipa|jar|aar|war|ear)$/i;

/** Where an item sits: how many archives deep, and inside what. */
interface Nesting {
  depth: number;
  inBundle: boolean;
  gzipLayers: number;
  budget: ArchiveBudget | null;
}

const TOP: Nesting = { depth: 0, inBundle: false, gzipLayers: 0, budget: null };

async function* pieces(bytes: Buffer | AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  if (Buffer.isBuffer(bytes)) yield bytes;
  else yield* bytes;
}

function errorDetail(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message ?? String(error);
}

/** Where a chunk of `item` came from: everything a chunk carries but its bytes. */
function chunkBase(item: ContentItem): Omit<Chunk, 'content'> {
  return { path: item.path, ...(item.commit && { commit: item.commit }), ...(item.onlyLines && { onlyLines: item.onlyLines }), ...(item.alsoAt && { alsoAt: item.alsoAt }) };
}

/** Key files are small; a bigger .p12 is not worth parsing. */
const MAX_KEY_FILE_BYTES = 1024 * 1024;

export class ContentStage {
  constructor(
    private readonly options: ContentOptions,
    private readonly stats: SourceStats,
  ) {}

  /** The chunks of one item; skips and warnings go to the source's stats. */
  async *chunks(item: ContentItem): AsyncGenerator<Chunk> {
    yield* this.handle(item, TOP);
  }

  /**
   * The one chunk of `item` when it is whole text that fits one window, as most files are; null
   * when it needs more than that (chunks() then handles it, sniffing it again: rare, and cheap next
   * to what such items cost). Synchronous: a file scan does without the async generators below.
   */
  wholeText(item: ContentItem): Chunk | null {
    const { bytes } = item;
    const { maxFileSize } = this.options;
    if (!Buffer.isBuffer(bytes) || bytes.length > WINDOW_BYTES || (maxFileSize !== null && item.size !== undefined && item.size > maxFileSize)) return null;
    if (sniff(bytes) !== 'text') return null;
    this.stats.filesScanned++;
    this.stats.bytesScanned += bytes.length;
    return { ...chunkBase(item), content: bytes };
  }

  private skip(item: ContentItem, reason: SkippedItem['reason'], detail?: string): void {
    this.stats.skipped.push({ path: item.path, reason, ...(detail !== undefined && { detail }) });
  }

  private async *handle(item: ContentItem, nesting: Nesting): AsyncGenerator<Chunk> {
    const { maxFileSize } = this.options;
    if (maxFileSize !== null && item.size !== undefined && item.size > maxFileSize) {
      if (!Buffer.isBuffer(item.bytes)) await item.bytes.discard();
      return this.skip(item, 'too-large', `${item.size} bytes, over --max-file-size`);
    }
    let kind: ContentKind;
    try {
      kind = sniff(Buffer.isBuffer(item.bytes) ? item.bytes : await item.bytes.head(SNIFF_BYTES));
    } catch (error) {
      return this.skip(item, 'unreadable', errorDetail(error));
    }
    try {
      if (kind === 'zip' || kind === 'tar' || kind === 'gzip') {
        yield* this.archive(item, kind, nesting);
        return;
      }
      yield* this.text(item, kind, nesting);
    } catch (error) {
      if (!Buffer.isBuffer(item.bytes)) await item.bytes.discard().catch(() => {});
      if (error instanceof ArchiveLimitError) this.skip(item, 'archive-limit', error.message);
      else this.skip(item, 'unreadable', errorDetail(error));
    }
  }

  private async *text(item: ContentItem, kind: ContentKind, nesting: Nesting): AsyncGenerator<Chunk> {
    let text: Buffer | AsyncIterable<Buffer> = item.bytes;
    if (kind === 'utf16le' || kind === 'utf16be') text = utf16ToUtf8(pieces(item.bytes), kind);
    else if (kind === 'binary') {
      if (mayBePkcs12(item.path)) await this.judgeKeyFile(item);
      if (!this.options.binary && !nesting.inBundle) {
        if (!Buffer.isBuffer(item.bytes)) await item.bytes.discard();
        return this.skip(item, 'binary');
      }
      text = printableStrings(pieces(item.bytes));
    }
    // Counted before yielding: a yielded buffer may move to a detection worker and read as empty here.
    const wholeLength = Buffer.isBuffer(item.bytes) ? item.bytes.length : null;
    const base = chunkBase(item);
    if (kind === 'text' && item.file !== undefined && !Buffer.isBuffer(item.bytes)) {
      // A big text file on disk: read again by position, window by window (content/file-windows.ts).
      await item.bytes.discard();
      const counted = { bytes: 0 };
      for (const { content, window } of fileWindows(item.file, counted)) yield { ...base, content, window };
      this.stats.filesScanned++;
      this.stats.bytesScanned += counted.bytes;
      return;
    }
    if (Buffer.isBuffer(text) && text.length <= WINDOW_BYTES) {
      yield { ...base, content: text };
    } else {
      for await (const { content, window } of textWindows(pieces(text))) yield { ...base, content, window };
    }
    this.stats.filesScanned++;
    this.stats.bytesScanned += wholeLength ?? (item.bytes as ByteStream).bytesRead;
  }

  /** A PKCS#12 file that opens with Google's default password is a key in itself (src/detect/google-p12.ts). */
  private async judgeKeyFile(item: ContentItem): Promise<void> {
    const bytes = Buffer.isBuffer(item.bytes) ? item.bytes : await item.bytes.head(MAX_KEY_FILE_BYTES);
    // Loaded only here: the PKCS#12 parser costs ~40 ms and only .p12/.pfx files need it.
    const { isGoogleDefaultPasswordP12 } = await import('../detect/google-p12.js');
    if (isGoogleDefaultPasswordP12(bytes)) this.stats.fileFindings.push(p12KeyFileFinding(item.path, item.commit ?? null));
  }

  private async *archive(item: ContentItem, kind: 'zip' | 'tar' | 'gzip', nesting: Nesting): AsyncGenerator<Chunk> {
    if (kind === 'gzip') {
      yield* this.gunzipped(item, nesting);
      return;
    }
    if (nesting.depth >= this.options.archiveDepth) {
      if (!Buffer.isBuffer(item.bytes)) await item.bytes.discard();
      return this.skip(item, 'archive-depth', `archives nested deeper than --archive-depth ${this.options.archiveDepth}`);
    }
    const budget = nesting.budget ?? new ArchiveBudget();
    const inner: Nesting = { depth: nesting.depth + 1, inBundle: nesting.inBundle || APP_BUNDLE.test(item.path), gzipLayers: 0, budget };
    const events: AsyncGenerator<ArchiveEvent> =
      kind === 'zip' ? (await import('./archive/zip.js')).zipEvents(item, budget) : (await import('./archive/tar.js')).tarEvents(item, budget);
    for await (const event of events) {
      if ('warning' in event) this.stats.warnings.push(event.warning);
      else if ('skipped' in event) this.stats.skipped.push(event.skipped);
      else yield* this.handle(event.entry, inner);
    }
  }

  /**
   * A gzip layer is peeled off in place: `app.tgz` holds a tar whose entries are named
   * `app.tgz!/…`, and a single `notes.txt.gz` is reported as itself.
   */
  private async *gunzipped(item: ContentItem, nesting: Nesting): AsyncGenerator<Chunk> {
    if (nesting.gzipLayers >= MAX_GZIP_LAYERS) throw new ArchiveLimitError(`more than ${MAX_GZIP_LAYERS} gzip layers`);
    const { createGunzip } = await import('node:zlib');
    const { Readable } = await import('node:stream');
    const gunzip = createGunzip();
    let compressed = 0;
    const input = Readable.from(pieces(item.bytes)).on('data', (piece: Buffer) => (compressed += piece.length));
    input.on('error', (error) => gunzip.destroy(error));
    input.pipe(gunzip);
    const output = ratioGuarded(gunzip, () => compressed);
    const budget = nesting.budget;
    const bytes = new ByteStream(budget ? budget.metered(output) : output, async (iterator) => {
      input.destroy();
      gunzip.destroy();
      await iterator.return?.();
    });
    try {
      const unpacked: ContentItem = { path: item.path, bytes, ...(item.commit && { commit: item.commit }), ...(item.onlyLines && { onlyLines: item.onlyLines }) };
      yield* this.handle(unpacked, { ...nesting, gzipLayers: nesting.gzipLayers + 1 });
    } finally {
      await bytes.discard();
    }
  }
}
