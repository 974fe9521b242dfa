import { mappedRegion, type EncodedRegion } from './region.js';

/**
 * Percent-encoding in URLs and form bodies: `%2B`, `%2F` and `%3D` turn a base64 key's `+ / =`
 * into text no key pattern matches. A run of URL value characters that holds such an escape is
 * decoded as a whole (every `%XX` in it); `+` stays as it is, since keys hold `+` far more often
 * than form bodies encode spaces inside one.
 */
/** The escapes looked at (either case); the prefilter finds them in its pass over the bytes. */
export const URL_ESCAPE_MARKERS = ['%2b', '%2f', '%3d'];

/** The decoded runs of URL value characters around the escapes that start at `escapes` (ascending offsets). */
export function urlEncodedRegions(text: string, escapes: readonly number[], limit: number): EncodedRegion[] {
  const regions: EncodedRegion[] = [];
  let searchedUntil = 0;
  for (const at of escapes) {
    if (regions.length >= limit) break;
    if (at < searchedUntil || !isKeyEscape(text, at)) continue;
    let start = at;
    while (start > 0 && isValueCharacter(text, start - 1)) start--;
    let end = at;
    while (end < text.length && isValueCharacter(text, end)) end++;
    searchedUntil = end;
    regions.push(decodeRun(text, start, end));
  }
  return regions;
}

/** %2B, %2F, %3D (either case): the escapes of base64's own characters. */
function isKeyEscape(text: string, at: number): boolean {
  const high = text.charCodeAt(at + 1);
  const low = text.charCodeAt(at + 2) | 0x20;
  return (high === 0x32 && (low === 0x62 || low === 0x66)) || (high === 0x33 && low === 0x64);
}

function isValueCharacter(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code === 0x25) return isHex(text.charCodeAt(at + 1)) && isHex(text.charCodeAt(at + 2));
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return true;
  return code === 0x2d || code === 0x2e || code === 0x5f || code === 0x7e || code === 0x2b;
}

function isHex(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x66);
}

function decodeRun(text: string, start: number, end: number): EncodedRegion {
  let decoded = '';
  const offsets: number[] = [];
  for (let i = start; i < end; ) {
    offsets.push(i);
    if (text.charCodeAt(i) === 0x25 && isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) {
      decoded += String.fromCharCode(parseInt(text.slice(i + 1, i + 3), 16));
      i += 3;
    } else {
      decoded += text[i];
      i++;
    }
  }
  offsets.push(end);
  return mappedRegion('url-encoding', start, end, decoded, offsets);
}
