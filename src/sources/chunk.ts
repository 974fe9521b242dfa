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
  /**
   * For history: other paths the same commit introduced these same bytes at (a file copied into
   * two environments). Each is a place to clean, so each gets the findings, without a second scan.
   */
  alsoAt?: readonly string[];
  /** Set when the content is one window of a bigger text (src/content/windows.ts). */
  window?: WindowPlacement;
}

/**
 * Where a window sits in the whole text: lines and columns before its first byte, and the part of
 * it that owns matches (the rest is overlap that the neighbouring windows own).
 */
export interface WindowPlacement {
  /** Line breaks before the window's first byte. */
  line: number;
  /** UTF-16 columns between the last of those line breaks and the window's first byte. */
  column: number;
  /** Matches starting before this offset belong to the previous window. */
  ownFrom: number;
  /** Matches starting at or after this offset belong to the next window. */
  ownUntil: number;
}
/**
 * The file name of findings in a commit message: a key pasted into a subject is a leak of its own,
 * and the pipeline redacts it wherever the commit is shown (pipeline/finalize.ts).
 */
export const COMMIT_MESSAGE_PATH = '<commit message>';
