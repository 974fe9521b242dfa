/**
 * Big text in bounded memory: the bytes are cut into windows of WINDOW_BYTES that overlap their
 * neighbours by WINDOW_MARGIN on each side. Each window owns the matches that start in its middle
 * part, so a key that crosses a cut is seen whole by the window where it starts and reported once,
 * with its line and column counted from the start of the whole content.
 */
import { isAscii } from 'node:buffer';
import type { WindowPlacement } from '../sources/chunk.js';

/**
 * Content up to this size is one chunk; bigger content is windowed. Each window in flight costs its
 * bytes several times over (the buffer, its copy in a worker, its decoded text): 8 MB windows took
 * the benchmark history's peak RSS (a 56 MB blob) to 318-327 MB, 2 MB windows to 284-305 MB, with
 * the same CPU time and the same findings.
 */
export const WINDOW_BYTES = 2 * 1024 * 1024;
/**
 * Bytes of neighbour shown on each side of a window: more than any key and the context a rule
 * looks at around it (the detector's look-around margin and rule reach are a few KB).
 */
export const WINDOW_MARGIN = 64 * 1024;

export interface TextWindow {
  /** Owns its memory, so the detection engine can move it to a worker without a copy. */
  content: Buffer;
  window: WindowPlacement;
}

/** Counts lines and UTF-16 columns over the bytes that windows leave behind. */
class Position {
  line = 0;
  column = 0;

  advance(bytes: Uint8Array): void {
    const lastBreak = bytes.lastIndexOf(0x0a);
    if (lastBreak !== -1) {
      // Native searches from break to break: minified code and source maps have few, long lines.
      for (let at = bytes.indexOf(0x0a); at !== -1 && at <= lastBreak; at = bytes.indexOf(0x0a, at + 1)) this.line++;
      this.column = 0;
    }
    // Minified code and source maps are megabytes without a line break: ASCII (one UTF-16 unit a
    // byte) is told natively instead of byte by byte (perf: 3 % of a tree scan's worker time).
    if (isAscii(bytes.subarray(lastBreak + 1))) {
      this.column += bytes.length - lastBreak - 1;
      return;
    }
    for (let i = lastBreak + 1; i < bytes.length; i++) {
      const byte = bytes[i]!;
      // One UTF-16 unit per UTF-8 sequence (continuation bytes add none), two for 4-byte ones.
      if ((byte & 0xc0) !== 0x80) this.column += byte >= 0xf0 ? 2 : 1;
    }
  }
}

/** The first `size` bytes of `parts` in one buffer that owns its memory (a worker can take it without a copy). */
function firstBytes(parts: readonly Buffer[], size: number): Buffer {
  const window = Buffer.allocUnsafeSlow(size);
  let filled = 0;
  for (const part of parts) {
    if (filled >= size) break;
    filled += part.copy(window, filled, 0, Math.min(part.length, size - filled));
  }
  return window;
}

/** `parts` without their first `count` bytes (views, no copy). */
function dropBytes(parts: readonly Buffer[], count: number): Buffer[] {
  const kept: Buffer[] = [];
  let skipped = 0;
  for (const part of parts) {
    if (skipped + part.length <= count) skipped += part.length;
    else {
      kept.push(skipped >= count ? part : part.subarray(count - skipped));
      skipped = count;
    }
  }
  return kept;
}

/** Where the window after `lead` bytes of margin ends, and where the next window starts. */
function fullWindow(lead: number): { length: number; next: number; ownFrom: number; ownUntil: number } {
  // The next window starts WINDOW_MARGIN before the end of this one's owned part.
  return { length: lead + WINDOW_BYTES + WINDOW_MARGIN, next: lead + WINDOW_BYTES - WINDOW_MARGIN, ownFrom: lead, ownUntil: lead + WINDOW_BYTES };
}

/** Windows over text that arrives in pieces; one window (owning everything) when it is short. */
export async function* textWindows(pieces: AsyncIterable<Buffer>): AsyncGenerator<TextWindow> {
  const position = new Position();
  let parts: Buffer[] = [];
  let held = 0;
  /** Bytes of margin before the current window's owned part (0 for the first window). */
  let lead = 0;
  for await (const piece of pieces) {
    parts.push(piece);
    held += piece.length;
    while (held >= fullWindow(lead).length) {
      const { length, next, ownFrom, ownUntil } = fullWindow(lead);
      const content = firstBytes(parts, length);
      const window = { line: position.line, column: position.column, ownFrom, ownUntil };
      // Counted before yielding: the window's bytes may move to a detection worker.
      position.advance(content.subarray(0, next));
      parts = dropBytes(parts, next);
      held -= next;
      lead = WINDOW_MARGIN;
      yield { content, window };
    }
  }
  if (held === 0 && lead === 0) return;
  yield { content: firstBytes(parts, held), window: { line: position.line, column: position.column, ownFrom: lead, ownUntil: Number.MAX_SAFE_INTEGER } };
}

/**
 * The windows textWindows makes of `size` bytes that can be read by position (a file on disk),
 * each read straight into a buffer of its own: no pieces to copy, no read ahead. A short read
 * (the file shrank) makes that window the last.
 */
export function* positionalWindows(size: number, readAt: (position: number, length: number) => Buffer): Generator<TextWindow> {
  const position = new Position();
  let start = 0;
  let lead = 0;
  while (size - start >= fullWindow(lead).length) {
    const { length, next, ownFrom, ownUntil } = fullWindow(lead);
    const content = readAt(start, length);
    if (content.length < length) {
      yield { content, window: { line: position.line, column: position.column, ownFrom, ownUntil: Number.MAX_SAFE_INTEGER } };
      return;
    }
    const window = { line: position.line, column: position.column, ownFrom, ownUntil };
    position.advance(content.subarray(0, next));
    start += next;
    lead = WINDOW_MARGIN;
    yield { content, window };
  }
  if (size - start === 0 && lead === 0) return;
  yield { content: readAt(start, size - start), window: { line: position.line, column: position.column, ownFrom: lead, ownUntil: Number.MAX_SAFE_INTEGER } };
}
