import type { CommitInfo } from '../finding/finding.js';
import type { ByteStream } from './byte-stream.js';

/** Bytes to scan, handed to the content stage by a source or an archive handler. */
export interface ContentItem {
  /** Path shown in findings; inside an archive, the path through it (`app.apk!/classes.dex`). */
  path: string;
  /** Whole content (small files, git blobs), or a stream (big files, stdin, FIFOs, archive entries). */
  bytes: Buffer | ByteStream;
  /** Size when known before reading; checked against --max-file-size. */
  size?: number;
  /** Absolute path on disk, so a zip can be read by random access instead of being buffered. */
  file?: string;
  commit?: CommitInfo;
  onlyLines?: ReadonlySet<number>;
  /** History: other paths the same commit introduced these bytes at (Chunk.alsoAt). */
  alsoAt?: readonly string[];
}

export interface ContentOptions {
  /** Scan binary files (outside app bundles) for printable strings instead of skipping them. */
  binary: boolean;
  /** Opt-in cap: content larger than this many bytes is skipped as too large. Null: no cap. */
  maxFileSize: number | null;
  /** How many archives deep to open (an archive inside an archive is depth 2). */
  archiveDepth: number;
}
