/**
 * The parts of a text near keyword hits, where a rule's regex can match. A match must contain its
 * rule's keyword or sit within a few lines of it (the value on the line after a YAML `name:`), so
 * running the regex on these windows finds what a whole-text run finds, at a fraction of the cost:
 * in real code, generic keywords such as `key` and `token` leave over 90 % of the bytes out.
 */

import type { LineIndex } from './location.js';

export interface TextWindow {
  /** Matches must start in [start, end). */
  start: number;
  end: number;
}

const LINES_BEFORE = 1;
const LINES_AFTER = 3;
/** On minified one-line files, a window stops this far from its hit rather than at a line break. */
const LONG_LINE_REACH = 4096;

/**
 * Merged, ascending windows around `hits` (ascending offsets). `reach` widens each window to the
 * rule's context distance, so a context requirement is never cut off.
 */
export function windowsAround(lines: LineIndex, length: number, hits: readonly number[], reach: number): TextWindow[] {
  const windows: TextWindow[] = [];
  const farthest = Math.max(reach, LONG_LINE_REACH);
  for (const hit of hits) {
    const last = windows[windows.length - 1];
    const linesStart = lines.linesBackStart(hit, LINES_BEFORE, hit - farthest);
    const linesEnd = lines.linesForwardStart(hit, LINES_AFTER + 1, hit + farthest);
    const start = Math.max(0, Math.min(linesStart, hit - reach));
    const end = Math.min(length, Math.max(linesEnd, hit + reach));
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows;
}
