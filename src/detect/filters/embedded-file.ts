import type { Candidate, Filter } from './filter.js';
import { surroundingsOf } from './surroundings.js';

/**
 * Files inlined as base64: data URIs (`data:image/png;base64,…`, source maps) and base64 that opens
 * with a file format's signature. Such data is long and random-looking, so it passes entropy checks,
 * but it is an icon or a font, not a key. Each signature is at least 4 base64 characters (24 bits)
 * fixed at the start, which a random key matches with odds of 1 in 16 million.
 */
const DATA_URI = /data:[\w.+-]+\/[\w.+-]+(?:;[\w.+-]+=[\w.+-]+)*;base64,$/i;
/** The base64 characters that a format's first bytes fully determine (6 bits each, no partial ones). */
const FILE_SIGNATURES = [
  'iVBORw0KGg', // PNG
  '/9j/', // JPEG
  'R0lGO', // GIF
  'UklGR', // RIFF: WebP, WAV
  'AAABA', // ICO
  'PHN2Z', // <svg
  'PD94bW', // <?xml
  'JVBERi', // %PDF-
  'd09GR', // WOFF
  'd09GM', // WOFF2
  'AAEAAA', // TrueType
  'T1RUT', // OpenType
  'H4sI', // gzip
];
// Base64 letters, digits and `/` have no special meaning in a RegExp.
const SIGNATURE = new RegExp(`^(?:${FILE_SIGNATURES.join('|')})`);
/** Below this, a value is too short to be an inlined file however it starts. */
const MIN_FILE_LENGTH = 64;

export function isEmbeddedFile(candidate: Candidate): boolean {
  const { secret } = candidate;
  if (secret.startsWith('data:') || DATA_URI.test(surroundingsOf(candidate).before)) return true;
  return secret.length >= MIN_FILE_LENGTH && SIGNATURE.test(secret);
}

export const embeddedFileFilter: Filter = {
  name: 'embedded-file',
  description: 'Drops base64 file data: data URIs and values that start with an image, font, PDF or gzip signature.',
  appliesTo: 'generic',
  matches: isEmbeddedFile,
};
