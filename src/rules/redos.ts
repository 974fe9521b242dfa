/**
 * The ReDoS check for rule patterns: recheck (https://makenowjust-labs.github.io/recheck/) finds
 * patterns whose matching time grows faster than linearly with the input (nested or adjacent
 * ambiguous repeats) and returns an attack string. The suite runs it over every shipped rule
 * (test/rules/redos.test.ts); user rules can be put through the same function once config exists.
 *
 * recheck is a development dependency loaded on demand: scans never load it. Its native binary (or,
 * without one, its pure-JavaScript backend) runs offline.
 */

export interface RegexSafety {
  /** `safe`: linear or better; `vulnerable`: super-linear, see `attack`; `unknown`: not decided in time. */
  status: 'safe' | 'vulnerable' | 'unknown';
  /** recheck's summary, such as "safe", "2nd degree polynomial" or "exponential". */
  complexity: string;
  /** For `vulnerable`: an input that shows it, as a JavaScript expression. */
  attack?: string;
  /** For `unknown`: why (timeout, unsupported syntax). */
  reason?: string;
}

export async function checkRegexSafety(pattern: string, flags: string, options: { timeoutMs?: number } = {}): Promise<RegexSafety> {
  const { check } = await import('recheck');
  // `d` (match indices) changes no matching; recheck does not know it.
  const diagnostics = await check(pattern, flags.replace('d', ''), { timeout: options.timeoutMs ?? 20_000 });
  if (diagnostics.status === 'safe') return { status: 'safe', complexity: diagnostics.complexity.summary };
  if (diagnostics.status === 'vulnerable') {
    return { status: 'vulnerable', complexity: diagnostics.complexity.summary, attack: diagnostics.attack.pattern };
  }
  return { status: 'unknown', complexity: 'unknown', reason: diagnostics.error.kind };
}
