/** Git's own heuristic: a NUL byte in the first 8000 bytes means binary. */
const SNIFF_LENGTH = 8000;

export function looksBinary(content: Buffer): boolean {
  return content.subarray(0, SNIFF_LENGTH).includes(0);
}
