/**
 * A problem with what the user asked for — a missing path, not a repository, a broken rule file —
 * as opposed to a bug. The CLI prints its message as one line and exits with code 2.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
