import type { CommitInfo } from '../finding/finding.js';

/**
 * A piece of content to scan and where it came from. Sources (working tree, git history, the
 * index, stdin) yield Chunks; the detector turns a Chunk into Findings without doing any I/O.
 */
export interface Chunk {
  /** Path relative to the scan root, forward slashes. */
  path: string;
  content: Buffer;
  /** Set for content read from git history. */
  commit?: CommitInfo;
  /**
   * For staged scans: the 1-based line numbers the commit adds. Findings on other lines are
   * dropped, so a key already in HEAD does not block every later commit.
   */
  onlyLines?: ReadonlySet<number>;
}
/**
 * The file name of findings in a commit message: a key pasted into a subject is a leak of its own,
 * and the pipeline redacts it wherever the commit is shown (pipeline/finalize.ts).
 */
export const COMMIT_MESSAGE_PATH = '<commit message>';
