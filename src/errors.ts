/**
 * Every problem keyguard reports to the user as one line — a missing path, not a repository, a
 * broken rule or config file — as opposed to a bug. The CLI recognises these with `instanceof`,
 * prints the message and exits with code 2; anything else is an internal error.
 */
export class KeyguardError extends Error {
  override name = 'KeyguardError';
  /** The process exit code the CLI uses for this error. */
  readonly exitCode: number = 2;
}

/** A problem with what the user asked for: a bad flag value, a path that does not exist. */
export class UsageError extends KeyguardError {
  override name = 'UsageError';
}
