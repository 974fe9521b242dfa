import type { Candidate } from './filter.js';

/** The text of the secret's line just before and just after it. */
export interface Surroundings {
  before: string;
  after: string;
}

/**
 * How much of the line to look at on each side. Enough for any assignment (`api_key = os.getenv("`),
 * and small enough that a filter's regexes stay cheap on a minified bundle's 100 kB lines.
 */
export const REACH = 200;

export function surroundingsOf(candidate: Candidate): Surroundings {
  const { line } = candidate;
  const secretHead = firstLine(candidate.secret);
  const start = secretStart(candidate, secretHead);
  if (start < 0) return { before: '', after: '' };
  const end = start + secretHead.length;
  return { before: line.slice(Math.max(0, start - REACH), start), after: line.slice(end, end + REACH) };
}

/**
 * Where the secret starts on the line. The secret can also occur inside the assigned name
 * (`token = token`), so the position the match implies wins over the first occurrence.
 */
function secretStart(candidate: Candidate, secretHead: string): number {
  const { line, match, secret } = candidate;
  const matchStart = line.indexOf(firstLine(match));
  if (matchStart >= 0) {
    const implied = matchStart + match.lastIndexOf(secret);
    if (line.startsWith(secretHead, implied)) return implied;
  }
  return line.indexOf(secretHead);
}

function firstLine(text: string): string {
  const newline = text.search(/\r?\n/);
  return newline < 0 ? text : text.slice(0, newline);
}
