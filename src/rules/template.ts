import { KeyguardError } from '../errors.js';
import { nodeCrypto } from '../node-crypto.js';

/**
 * Example texts are written as templates so that no file in the repository or the package holds a
 * string of a real key format (keyguard's own rules, other scanners and GitHub push protection would
 * all flag it). `{{alnum 74}}` stands for 74 random alphanumerics; the expansion is deterministic
 * for a given seed (rule id and example index), so a failing example fails the same way every run.
 *
 *   {{alnum N}} {{alpha N}} {{upper N}} {{lower N}} {{digit N}} {{hex N}} {{HEX N}} {{lowernum N}}
 *   {{uppernum N}} {{base64 N}} {{urlsafe N}} {{base32 N}}   N characters of that alphabet
 *   {{chars ALPHABET N}}                                        N characters of ALPHABET (no spaces)
 *   {{checksummed PREFIX}}   PREFIX + 30 base62 + a 6-character base62 CRC32 of those 30, the
 *                            format of GitHub (ghp_, gho_, ghu_, ghs_, ghr_) and npm (npm_) tokens
 *   {{}}                     nothing: splits a literal that must not appear whole in a file
 *   {{open}}                 a literal `{{`, for example texts that hold one (`${{ secrets.X }}`)
 */
const ALPHABETS: Readonly<Record<string, string>> = {
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  hex: '0123456789abcdef',
  HEX: '0123456789ABCDEF',
  lowernum: 'abcdefghijklmnopqrstuvwxyz0123456789',
  uppernum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  base64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  urlsafe: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-',
  base32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
};

/** Base62 digits in the order GitHub's and npm's token checksums use. */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const MAX_LENGTH = 4096;

export class TemplateError extends KeyguardError {
  override name = 'TemplateError';
}

/** A deterministic stream of random numbers: sha256(seed:counter), 32 bits at a time. */
class SeededRandom {
  private block = Buffer.alloc(0);
  private offset = 0;
  private counter = 0;

  constructor(private readonly seed: string) {}

  below(limit: number): number {
    // Rejection sampling keeps every character of the alphabet equally likely.
    const ceiling = Math.floor(0x1_0000_0000 / limit) * limit;
    for (;;) {
      if (this.offset + 4 > this.block.length) {
        this.block = nodeCrypto().createHash('sha256').update(`${this.seed}:${this.counter++}`).digest();
        this.offset = 0;
      }
      const value = this.block.readUInt32BE(this.offset);
      this.offset += 4;
      if (value < ceiling) return value % limit;
    }
  }

  pick(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.below(alphabet.length)];
    return out;
  }
}

let crcTable: Uint32Array | null = null;

/** CRC-32 (IEEE 802.3, as zlib computes it). */
export function crc32(text: string): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, 'utf8')) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The 6-character base62 checksum that GitHub and npm append to a token's 30 random characters. */
export function base62Checksum(random: string): string {
  let value = crc32(random);
  let out = '';
  while (value > 0) {
    out = BASE62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out.padStart(6, '0');
}

/** True when a GitHub/npm-style token's last 6 characters are the checksum of the 30 before them. */
export function hasValidChecksum(token: string): boolean {
  const body = token.slice(token.lastIndexOf('_') + 1);
  return body.length === 36 && base62Checksum(body.slice(0, 30)) === body.slice(30);
}

function expandPlaceholder(spec: string, random: SeededRandom): string {
  const parts = spec.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '';
  const [name, ...args] = parts as [string, ...string[]];
  const count = (text: string | undefined): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > MAX_LENGTH) throw new TemplateError(`{{${spec}}}: expected a length from 1 to ${MAX_LENGTH}`);
    return n;
  };
  if (name === 'open' && args.length === 0) return '{{';
  if (name === 'checksummed') {
    if (args.length !== 1) throw new TemplateError(`{{${spec}}}: expected {{checksummed PREFIX}}`);
    const body = random.pick(ALPHABETS.alnum!, 30);
    return `${args[0]}${body}${base62Checksum(body)}`;
  }
  if (name === 'chars') {
    if (args.length !== 2) throw new TemplateError(`{{${spec}}}: expected {{chars ALPHABET N}}`);
    return random.pick(args[0]!, count(args[1]));
  }
  const alphabet = ALPHABETS[name];
  if (alphabet === undefined || args.length !== 1) {
    throw new TemplateError(`{{${spec}}}: unknown placeholder (use one of ${Object.keys(ALPHABETS).join(', ')}, chars, checksummed, open)`);
  }
  return random.pick(alphabet, count(args[0]));
}

/** Expands every `{{…}}` in `template`; the same template and seed always give the same text. */
export function expandTemplate(template: string, seed: string): string {
  const random = new SeededRandom(seed);
  return template.replace(PLACEHOLDER, (_, spec: string) => expandPlaceholder(spec, random));
}

/** Whether a text holds any placeholder, e.g. to require templates for key-shaped examples. */
export function isTemplate(text: string): boolean {
  return /\{\{[^{}]*\}\}/.test(text);
}
