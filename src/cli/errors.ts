import { KeyguardError } from '../errors.js';

/** One line for the user: their mistakes as they are, our bugs marked as such. */
export function describeError(error: unknown): string {
  if (error instanceof KeyguardError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `internal error: ${message} (please report this with the command you ran)`;
}
