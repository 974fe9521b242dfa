/**
 * The one length commit hashes are shortened to in everything keyguard prints. Twelve hex digits
 * stay unambiguous in the largest repositories (git's own 7 is a minimum it grows past there), and
 * `git show` accepts them.
 */
export const SHORT_SHA_LENGTH = 12;

export function shortSha(sha: string): string {
  return sha.slice(0, SHORT_SHA_LENGTH);
}
