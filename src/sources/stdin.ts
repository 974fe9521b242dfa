import { ByteStream } from '../content/byte-stream.js';
import { ContentStage } from '../content/content-stage.js';
import type { ContentOptions } from '../content/item.js';
import type { Chunk } from './chunk.js';
import { emptyStats, type Source } from './source.js';

/** The path findings from standard input carry unless --stdin-name gives one. */
export const DEFAULT_STDIN_NAME = 'stdin';

/**
 * Standard input (`keyguard scan -`), read as a stream through the content stage: big input is
 * windowed, an archive piped in is opened, in bounded memory. `name` stands in for a path, so
 * path-based rules and severities (a `dist/app.js` ships to users) apply.
 */
export function stdinSource(name: string, options: ContentOptions, input: AsyncIterable<Buffer> = process.stdin): Source {
  const stats = emptyStats();
  return {
    stats,
    async *chunks(): AsyncGenerator<Chunk> {
      yield* new ContentStage(options, stats).chunks({ path: name, bytes: new ByteStream(input) });
    },
    async hygieneFindings() {
      return [];
    },
  };
}
