/**
 * What a file's first bytes say it is. Replaces git's "a NUL in the first 8000 bytes means
 * binary", which let one stray NUL hide a whole text file (issue 9 #9) and called UTF-16 text
 * binary: known binary formats are recognised by their magic numbers, UTF-16 by its BOM or its
 * NUL pattern, and the rest is judged by the share of NUL and control bytes.
 */

import { isUtf8 } from 'node:buffer';

export type ContentKind = 'text' | 'utf16le' | 'utf16be' | 'binary' | 'zip' | 'gzip' | 'tar';

/** How much of the start of the content the decision looks at. */
export const SNIFF_BYTES = 8192;

/** Magic numbers of formats that are binary even when their first bytes are mostly printable. */
const BINARY_MAGIC: readonly (readonly [offset: number, bytes: readonly number[]])[] = [
  [0, [0x7f, 0x45, 0x4c, 0x46]], // ELF (.so, executables)
  [0, [0xfe, 0xed, 0xfa, 0xce]], // Mach-O 32-bit
  [0, [0xfe, 0xed, 0xfa, 0xcf]], // Mach-O 64-bit
  [0, [0xce, 0xfa, 0xed, 0xfe]], // Mach-O 32-bit, little-endian
  [0, [0xcf, 0xfa, 0xed, 0xfe]], // Mach-O 64-bit, little-endian
  [0, [0xca, 0xfe, 0xba, 0xbe]], // Mach-O universal binary, Java class
  [0, [0x64, 0x65, 0x78, 0x0a]], // Android DEX ("dex\n")
  [0, [0x62, 0x70, 0x6c, 0x69, 0x73, 0x74]], // binary plist ("bplist")
  [0, [0x02, 0x00, 0x0c, 0x00]], // Android resources.arsc
  [0, [0x03, 0x00, 0x08, 0x00]], // Android binary XML
  [0, [0x4d, 0x5a]], // PE / DOS executables ("MZ")
  [0, [0x00, 0x61, 0x73, 0x6d]], // WebAssembly
  [0, [0x89, 0x50, 0x4e, 0x47]], // PNG
  [0, [0xff, 0xd8, 0xff]], // JPEG
  [0, [0x47, 0x49, 0x46, 0x38]], // GIF
  [0, [0x25, 0x50, 0x44, 0x46]], // PDF
  [0, [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65]], // SQLite
  [0, [0x37, 0x7a, 0xbc, 0xaf]], // 7-Zip
  [0, [0x52, 0x61, 0x72, 0x21]], // RAR
  [0, [0x42, 0x5a, 0x68]], // bzip2
  [0, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]], // xz
  [0, [0x28, 0xb5, 0x2f, 0xfd]], // zstd
  [0, [0x52, 0x49, 0x46, 0x46]], // RIFF (WAV, AVI, WebP)
  [0, [0x77, 0x4f, 0x46, 0x46]], // WOFF
  [0, [0x77, 0x4f, 0x46, 0x32]], // WOFF2
  [4, [0x66, 0x74, 0x79, 0x70]], // MP4 / MOV / HEIC ("ftyp")
];

/** The signatures at offset 0 by their first byte, so most files are compared with none of them. */
const MAGIC_AT_START = new Map<number, (readonly number[])[]>();
for (const [offset, bytes] of BINARY_MAGIC) {
  if (offset === 0) MAGIC_AT_START.set(bytes[0]!, [...(MAGIC_AT_START.get(bytes[0]!) ?? []), bytes]);
}
/** The others (MP4's "ftyp" at offset 4), compared for every file. */
const MAGIC_ELSEWHERE = BINARY_MAGIC.filter(([offset]) => offset !== 0);

function hasBinaryMagic(sample: Uint8Array): boolean {
  if (MAGIC_ELSEWHERE.some(([offset, bytes]) => startsWith(sample, offset, bytes))) return true;
  return MAGIC_AT_START.get(sample[0]!)?.some((bytes) => startsWith(sample, 0, bytes)) === true;
}

/** Above this share of NUL bytes the content is binary. */
const NUL_SHARE = 0.01;
/** Control bytes and bytes that are not UTF-8 (compressed or encrypted data has ~50 %). */
const SUSPICIOUS_SHARE = 0.1;
/** UTF-16 text of mostly ASCII has a NUL in nearly every other byte. */
const UTF16_NUL_SHARE = 0.4;

function startsWith(sample: Uint8Array, offset: number, bytes: readonly number[]): boolean {
  if (sample.length < offset + bytes.length) return false;
  return bytes.every((byte, index) => sample[offset + index] === byte);
}

function isZip(sample: Uint8Array): boolean {
  // Local file header, or the end-of-central-directory record of an empty zip.
  return startsWith(sample, 0, [0x50, 0x4b, 0x03, 0x04]) || startsWith(sample, 0, [0x50, 0x4b, 0x05, 0x06]);
}

const TAR_HEADER_BYTES = 512;
const TAR_CHECKSUM_OFFSET = 148;
const TAR_CHECKSUM_BYTES = 8;

/**
 * The checksum a tar header stores (octal, bytes 148–155) equals the sum of its 512 bytes with the
 * checksum field counted as spaces. "ustar" alone is not enough: source code that handles tar files
 * (tar-stream's headers.js) has those five bytes at offset 257 too.
 */
function hasValidTarChecksum(header: Uint8Array): boolean {
  const field = Buffer.from(header.subarray(TAR_CHECKSUM_OFFSET, TAR_CHECKSUM_OFFSET + TAR_CHECKSUM_BYTES)).toString('latin1');
  const digits = /^ *([0-7]{1,7})[ \0]/.exec(field);
  if (!digits?.[1]) return false;
  let sum = 0;
  for (let i = 0; i < TAR_HEADER_BYTES; i++) {
    const inChecksum = i >= TAR_CHECKSUM_OFFSET && i < TAR_CHECKSUM_OFFSET + TAR_CHECKSUM_BYTES;
    sum += inChecksum ? 0x20 : header[i]!;
  }
  return sum === parseInt(digits[1], 8);
}

function isTar(sample: Uint8Array): boolean {
  // POSIX and GNU tar write "ustar" at offset 257 of every header.
  return sample.length >= TAR_HEADER_BYTES && startsWith(sample, 257, [0x75, 0x73, 0x74, 0x61, 0x72]) && hasValidTarChecksum(sample);
}

/**
 * UTF-16 by its NUL pattern: ASCII-range text (where keys are) has a NUL on one side of its byte
 * pairs only. With a BOM one such NUL is enough; without, most pairs must show it. A BOM-like
 * start with no NULs at all is not trusted (it could hide nothing anyway: a key in UTF-16 has NULs).
 */
function utf16Kind(sample: Uint8Array): 'utf16le' | 'utf16be' | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNuls++;
    if (sample[i + 1] === 0) oddNuls++;
  }
  const needed = (bom: boolean) => (bom ? 1 : UTF16_NUL_SHARE * pairs);
  // Real UTF-16 text rarely has both bytes of a pair NUL; binary data often does.
  if (oddNuls >= needed(startsWith(sample, 0, [0xff, 0xfe])) && evenNuls / pairs < 0.02) return 'utf16le';
  if (evenNuls >= needed(startsWith(sample, 0, [0xfe, 0xff])) && oddNuls / pairs < 0.02) return 'utf16be';
  return null;
}

/** The sample without a UTF-8 sequence cut by its end (the sample stops at SNIFF_BYTES, not at a character). */
function withoutCutSequence(sample: Uint8Array): Uint8Array {
  for (let back = 1; back <= 3 && back <= sample.length; back++) {
    const byte = sample[sample.length - back]!;
    if ((byte & 0xc0) === 0xc0) return sample.subarray(0, sample.length - back); // a lead byte
    if ((byte & 0xc0) !== 0x80) break; // ASCII: nothing cut
  }
  return sample;
}

/** Length of the valid UTF-8 sequence at `index` (a lead byte >= 0x80), 0 when invalid; a sequence cut by the sample's end counts as valid. */
function utf8SequenceLength(sample: Uint8Array, index: number): number {
  const lead = sample[index]!;
  const length = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 && lead < 0xe0 ? 2 : 0;
  if (length === 0 || lead > 0xf4) return 0;
  for (let next = 1; next < length; next++) {
    if (index + next >= sample.length) return next;
    if ((sample[index + next]! & 0xc0) !== 0x80) return 0;
  }
  return length;
}

function isControl(byte: number): boolean {
  // Tab, line feed, vertical tab, form feed, carriage return and escape appear in real text.
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0b && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b;
}

/** Classifies content from its first bytes (up to SNIFF_BYTES; more are ignored). */
export function sniff(content: Uint8Array): ContentKind {
  const sample = content.length > SNIFF_BYTES ? content.subarray(0, SNIFF_BYTES) : content;
  if (isZip(sample)) return 'zip';
  if (startsWith(sample, 0, [0x1f, 0x8b])) return 'gzip';
  if (isTar(sample)) return 'tar';
  if (hasBinaryMagic(sample)) return 'binary';
  // Nearly every file: no NUL and valid UTF-8 is text, checked natively without a byte loop.
  if (!sample.includes(0) && isUtf8(withoutCutSequence(sample))) return 'text';
  const utf16 = utf16Kind(sample);
  if (utf16) return utf16;
  let nuls = 0;
  let suspicious = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i]!;
    if (byte === 0) nuls++;
    if (isControl(byte)) suspicious++;
    else if (byte >= 0x80) {
      const length = utf8SequenceLength(sample, i);
      if (length === 0) suspicious++;
      else i += length - 1;
    }
  }
  // A few NULs (one stray byte in a text file) no longer make it binary; a real binary format
  // without a known magic number has many, or many control bytes, or is not UTF-8.
  if (nuls > 1 && nuls / sample.length > NUL_SHARE) return 'binary';
  if (suspicious / Math.max(1, sample.length) > SUSPICIOUS_SHARE) return 'binary';
  return 'text';
}
