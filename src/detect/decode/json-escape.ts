import { isKeyCharacter, mappedRegion, type EncodedRegion } from './region.js';

/**
 * JSON string escapes that hide key characters from plain patterns: Gson writes `=` as `\u003d`,
 * System.Text.Json writes `+` as `\u002B`, PHP's json_encode writes `/` as `\/` (inside base64
 * values and one-line PEM blocks). A string literal holding such an escape between key characters
 * is decoded as a whole (all JSON escapes, `\n` included), so a PEM block or a key reads as written.
 */

/** How far a string literal may reach from an escape, either way. */
const MAX_REACH = 16 * 1024;

/**
 * The escapes looked at (`+ / =` as JSON encoders write them, and PHP's `\/`); the prefilter
 * finds them, in either case, in its pass over the bytes.
 */
export const JSON_ESCAPE_MARKERS = ['\\u002b', '\\u002f', '\\u003d', '\\/'];

/** The decoded string literals around the escapes that start at `escapes` (ascending offsets). */
export function jsonEscapeRegions(text: string, escapes: readonly number[], limit: number): EncodedRegion[] {
  const regions: EncodedRegion[] = [];
  let searchedUntil = 0;
  for (const at of escapes) {
    if (regions.length >= limit) break;
    if (at < searchedUntil || !hidesKeyCharacter(text, at)) continue;
    const region = stringAround(text, at);
    searchedUntil = region ? region.end : at + 1;
    if (region) regions.push(region);
  }
  return regions;
}

/** `\/` or `\u00XX` for a key character, with a key character right before it (not `:\/\/`). */
function hidesKeyCharacter(text: string, at: number): boolean {
  if (at === 0 || !isKeyCharacter(text.charCodeAt(at - 1)) || text.charCodeAt(at - 1) === 0x2f) return false;
  const next = text.charCodeAt(at + 1);
  if (next === 0x2f) return at + 2 < text.length && isKeyCharacter(text.charCodeAt(at + 2)) && text.charCodeAt(at + 2) !== 0x2f; // \/
  if (next !== 0x75 || text.charCodeAt(at + 2) !== 0x30 || text.charCodeAt(at + 3) !== 0x30) return false; // \u00
  const code = parseInt(text.slice(at + 4, at + 6), 16);
  return !Number.isNaN(code) && isKeyCharacter(code);
}

/** The JSON string literal around the escape at `at` (between unescaped quotes on one line), decoded. */
function stringAround(text: string, at: number): EncodedRegion | null {
  let start = at;
  const lowest = Math.max(0, at - MAX_REACH);
  while (start > lowest && !isUnescapedQuote(text, start - 1)) {
    if (text.charCodeAt(start - 1) === 0x0a) return null;
    start--;
  }
  if (start === lowest && lowest > 0) return null;
  const highest = Math.min(text.length, at + MAX_REACH);
  let decoded = '';
  const offsets: number[] = [];
  let i = start;
  while (i < highest) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x0a) break;
    offsets.push(i);
    if (code !== 0x5c) {
      decoded += text[i];
      i++;
      continue;
    }
    const escaped = text[i + 1];
    if (escaped === 'u') {
      const unit = parseInt(text.slice(i + 2, i + 6), 16);
      if (Number.isNaN(unit)) return null;
      const bytes = Buffer.from(String.fromCharCode(unit), 'utf8').toString('latin1');
      decoded += bytes;
      for (let extra = 1; extra < bytes.length; extra++) offsets.push(i);
      i += 6;
      continue;
    }
    decoded += SIMPLE_ESCAPES[escaped ?? ''] ?? escaped ?? '';
    i += 2;
  }
  offsets.push(i);
  return mappedRegion('json-escape', start, i, decoded, offsets);
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

function isUnescapedQuote(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 0x22) return false;
  let backslashes = 0;
  while (at - backslashes - 1 >= 0 && text.charCodeAt(at - backslashes - 1) === 0x5c) backslashes++;
  return backslashes % 2 === 0;
}
