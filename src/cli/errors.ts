/** One line for the user: their mistakes as they are, our bugs marked as such. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `internal error: ${String(error)}`;
  const expected = ['UsageError', 'RuleError', 'GitError'];
  if (expected.includes(error.name)) return error.message;
  return `internal error: ${error.message} (please report this with the command you ran)`;
}
