/** How far git itself looks for a NUL byte before it calls a file binary. */
const BINARY_SNIFF_BYTES = 8000;

/** Same rule as git's diff: a NUL byte near the start means binary, not text worth scanning. */
export function looksBinary(content: Buffer): boolean {
  return content.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}
