import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteStream } from '../../src/content/byte-stream.js';
import { ContentStage } from '../../src/content/content-stage.js';
import { sniff, SNIFF_BYTES } from '../../src/content/sniff.js';
import { Detector } from '../../src/detect/detector.js';
import { compileRules } from '../../src/rules/compile.js';
import { loadBuiltinRules } from '../../src/rules/load.js';
import { emptyStats } from '../../src/sources/source.js';
import { binaryWith, tar, tgz, zip } from '../helpers/archives.js';

/**
 * Property tests over the whole content stage (sniffing, UTF-16, windows, strings, zip, tar and
 * gzip) and the detector behind it: whatever the bytes, as a whole buffer or as a stream cut at
 * random places, they become chunks or a counted skip, never an exception.
 */
describe('content stage properties', async () => {
  const detector = new Detector(compileRules(await loadBuiltinRules()));

  const bytes = (maxLength: number) => fc.uint8Array({ maxLength }).map((array) => Buffer.from(array));
  // Starts that send the bytes down each path of the stage: archives, UTF-16 BOMs, known binaries.
  const magic = fc.constantFrom(
    Buffer.from([0x50, 0x4b, 0x03, 0x04]),
    Buffer.from([0x50, 0x4b, 0x05, 0x06]),
    Buffer.from([0x1f, 0x8b, 0x08, 0x00]),
    Buffer.from([0xff, 0xfe]),
    Buffer.from([0xfe, 0xff]),
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from([0x7f, 0x45, 0x4c, 0x46]),
    Buffer.from('%PDF-1.7\n'),
  );
  const entries = fc.array(fc.record({ name: fc.constantFrom('a.txt', 'b/.env', '../up.txt', '/abs', 'c.zip', 'd.tgz'), data: bytes(300) }), { maxLength: 4 });
  // Valid archives (possibly nested), then damaged: bytes overwritten, or cut short.
  const archive = fc.oneof(
    entries.map((list) => zip(list.map((entry) => ({ ...entry, store: entry.data.length % 2 === 0 })))),
    entries.map((list) => tar(list)),
    entries.map((list) => tgz(list)),
    entries.map((list) => zip([{ name: 'inner.zip', data: zip(list), store: true }])),
    fc.constant(binaryWith([0x7f, 0x45, 0x4c, 0x46], 'token = "x"', 'plain words')),
  );
  const damaged = fc
    .tuple(archive, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.option(fc.nat()))
    .map(([buffer, edits, cut]) => {
      const copy = Buffer.from(buffer);
      for (const [at, value] of edits) if (copy.length > 0) copy[at % copy.length] = value;
      return cut === null || copy.length === 0 ? copy : copy.subarray(0, cut % copy.length);
    });
  const input = fc.oneof(
    bytes(4096),
    fc.string({ maxLength: 2048, unit: 'binary' }).map((text) => Buffer.from(text)),
    fc.tuple(magic, bytes(2048)).map(([start, rest]) => Buffer.concat([start, rest])),
    damaged,
  );
  const options = fc.record({ binary: fc.boolean(), archiveDepth: fc.integer({ min: 0, max: 3 }), maxFileSize: fc.constantFrom(null, 100, 1_000_000) });

  /** `buffer` as a stream of pieces cut at the given places. */
  function streamOf(buffer: Buffer, cuts: number[]): ByteStream {
    const at = [...new Set(cuts.map((cut) => cut % (buffer.length + 1)))].sort((a, b) => a - b);
    const pieces = [...at, buffer.length].map((end, i) => buffer.subarray(i === 0 ? 0 : at[i - 1], end));
    return new ByteStream((async function* () {
      yield* pieces;
    })());
  }

  it('never throws: every input becomes chunks the detector reads, or a counted skip', async () => {
    await fc.assert(
      fc.asyncProperty(input, options, fc.option(fc.array(fc.nat(), { maxLength: 5 })), fc.constantFrom('data.bin', 'app.apk', 'notes.txt.gz', 'keys.p12'), async (buffer, content, cuts, path) => {
        const stats = emptyStats();
        const stage = new ContentStage(content, stats);
        const item = cuts === null ? { path, bytes: buffer, size: buffer.length } : { path, bytes: streamOf(buffer, cuts) };
        let chunks = 0;
        for await (const chunk of stage.chunks(item)) {
          chunks += 1;
          expect(Buffer.isBuffer(chunk.content)).toBe(true);
          detector.detect(chunk);
        }
        // Nothing vanishes unsaid: a file that is not an archive is counted once, as scanned or as
        // skipped with a reason (an archive counts its entries instead, and may hold none).
        const isArchive = ['zip', 'tar', 'gzip'].includes(sniff(buffer.subarray(0, SNIFF_BYTES)));
        if (!isArchive) expect(stats.filesScanned + stats.skipped.length).toBe(1);
        if (stats.filesScanned === 0) expect(chunks).toBe(0);
      }),
      { numRuns: 150 },
    );
  });
});
