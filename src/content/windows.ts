/**
 * Big text in bounded memory: the bytes are cut into windows of WINDOW_BYTES that overlap their
 * neighbours by WINDOW_MARGIN on each side. Each window owns the matches that start in its middle
 * part, so a key that crosses a cut is seen whole by the window where it starts and reported once,
 * with its line and column counted from the start of the whole content.
 */
import type { WindowPlacement } from '../sources/chunk.js';

/** Content up to this size is one chunk; bigger content is windowed. */
export const WINDOW_BYTES = 8 * 1024 * 1024;
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
      for (let i = 0; i <= lastBreak; i++) if (bytes[i] === 0x0a) this.line++;
      this.column = 0;
    }
    for (let i = lastBreak + 1; i < bytes.length; i++) {
      const byte = bytes[i]!;
      // One UTF-16 unit per UTF-8 sequence (continuation bytes add none), two for 4-byte ones.
      if ((byte & 0xc0) !== 0x80) this.column += byte >= 0xf0 ? 2 : 1;
    }
  }
}

function ownedCopy(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
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
    while (held >= lead + WINDOW_BYTES + WINDOW_MARGIN) {
      const buffer = Buffer.concat(parts);
      const size = lead + WINDOW_BYTES + WINDOW_MARGIN;
      yield {
        content: ownedCopy(buffer.subarray(0, size)),
        window: { line: position.line, column: position.column, ownFrom: lead, ownUntil: lead + WINDOW_BYTES },
      };
      // The next window starts WINDOW_MARGIN before the end of this one's owned part.
      const next = lead + WINDOW_BYTES - WINDOW_MARGIN;
      position.advance(buffer.subarray(0, next));
      parts = [buffer.subarray(next)];
      held = buffer.length - next;
      lead = WINDOW_MARGIN;
    }
  }
  const rest = Buffer.concat(parts);
  if (rest.length === 0 && lead === 0) return;
  yield { content: ownedCopy(rest), window: { line: position.line, column: position.column, ownFrom: lead, ownUntil: Number.MAX_SAFE_INTEGER } };
}
