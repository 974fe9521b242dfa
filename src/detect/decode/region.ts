/**
 * A stretch of text that holds something encoded (a JSON string with escapes, a base64 value, a
 * URL-encoded value), with its decoded form. The detector scans `decoded` with the same rules and
 * reports what it finds at the encoded text, so the finding points at the bytes to clean.
 */
export interface EncodedRegion {
  /** Named in the finding: `base64`, `json-escape`, `url-encoding`. */
  encoding: Encoding;
  /** Offsets of the encoded text in the text that was searched. */
  start: number;
  end: number;
  /** The decoded bytes, one char per byte (latin1), like the text the detector scans. */
  decoded: string;
  /**
   * Where the decoded text [from, to) is encoded in the searched text. Escapes map char by char,
   * so a finding points at the escaped key itself; base64 maps to the whole value, since a place
   * inside it means nothing to a reader and the whole value is what has to go.
   */
  encodedSpan(from: number, to: number): { start: number; end: number };
}

export type Encoding = 'base64' | 'json-escape' | 'url-encoding';

/** Characters of API keys and tokens (base64, base64url, separators). */
export function isKeyCharacter(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x30 && code <= 0x39) || // 0-9
    code === 0x2b || code === 0x2f || code === 0x3d || code === 0x5f || code === 0x2d || code === 0x2e // + / = _ - .
  );
}

/**
 * A region whose decoded text was built char by char, with the encoded offset of each decoded char
 * recorded in `offsets` (one more entry than chars: the encoded end).
 */
export function mappedRegion(encoding: Encoding, start: number, end: number, decoded: string, offsets: readonly number[]): EncodedRegion {
  const at = (offset: number): number => offsets[Math.min(offset, offsets.length - 1)]!;
  return { encoding, start, end, decoded, encodedSpan: (from, to) => ({ start: at(from), end: at(to) }) };
}

/** Text made only of printable ASCII (and tabs and line breaks): what decoded configuration looks like. */
export function isPrintableText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 || code > 0x7e) && code !== 0x09 && code !== 0x0a && code !== 0x0d) return false;
  }
  return true;
}
