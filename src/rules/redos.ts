/**
 * The ReDoS check for rule patterns: recheck (https://makenowjust-labs.github.io/recheck/) finds
 * patterns whose matching time grows faster than linearly with the input (nested or adjacent
 * ambiguous repeats, a search restarted at every position) and returns an attack string. The suite
 * runs it over every shipped rule as the detector compiles it (test/rules/redos-rules.test.ts), and
 * `keyguard rules check` runs it over a config's custom rules when recheck is installed.
 *
 * recheck is a development dependency loaded on demand: scans never load it. Its native binary (or,
 * without one, its pure-JavaScript backend) runs offline.
 */

import { regexFlags } from './compile.js';
import type { RuleDefinition } from './types.js';

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

/**
 * How hard recheck's fuzzer searches. `full` is recheck's own default search; `quick` seeds and
 * breeds fewer candidate inputs (100 seeds instead of 500, 3 generations instead of 10), which is
 * what lets the suite check all ~200 shipped rules in CI. Both keep recheck's static seeder, which
 * builds its first inputs from the pattern's automaton: that is what finds adjacent or nested
 * ambiguous repeats (with `quick`, the earlier private-key and dangerouslyAllowBrowser patterns are
 * still found quadratic or worse).
 */
export type CheckEffort = 'full' | 'quick';

const EFFORT = {
  full: {},
  quick: { maxInitialGenerationSize: 100, maxIteration: 3 },
} as const;

/**
 * recheck's limits on matching during the search are in steps and in milliseconds; the millisecond
 * ones make the verdict depend on how busy the machine is (with two checks at a time on a loaded
 * two-core machine, 90 of the 198 rules were reported vulnerable, every one of them a timed-out
 * run of a linear pattern). Only the step limits (recheck's defaults: 25,000 steps per candidate,
 * 1.5 billion for an attack) decide here, so a verdict is the same on every machine; `timeoutMs`
 * bounds the whole check, and running out of it is `unknown`, never `safe`.
 */
const STEP_LIMITS_ONLY = { attackTimeout: null, incubationTimeout: null, seedingTimeout: null } as const;

export async function checkRegexSafety(
  pattern: string,
  flags: string,
  options: { timeoutMs?: number; effort?: CheckEffort } = {},
): Promise<RegexSafety> {
  const { check } = await import('recheck');
  // `d` (match indices) changes no matching; recheck does not know it.
  const diagnostics = await check(pattern, flags.replace('d', ''), {
    ...STEP_LIMITS_ONLY,
    ...EFFORT[options.effort ?? 'full'],
    timeout: options.timeoutMs ?? 60_000,
  });
  if (diagnostics.status === 'safe') return { status: 'safe', complexity: diagnostics.complexity.summary };
  if (diagnostics.status === 'vulnerable') {
    return { status: 'vulnerable', complexity: diagnostics.complexity.summary, attack: diagnostics.attack.pattern };
  }
  return { status: 'unknown', complexity: 'unknown', reason: diagnostics.error.kind };
}

/** Whether recheck can be loaded here: it is a development dependency, absent from an installed keyguard. */
export async function recheckAvailable(): Promise<boolean> {
  try {
    await import('recheck');
    return true;
  } catch {
    return false;
  }
}

/** A rule whose pattern recheck did not judge safe. */
export interface UnsafeRule {
  ruleId: string;
  verdict: RegexSafety;
}

/**
 * Checks rules' patterns as the detector runs them (see regexFlags), one at a time; `null` when
 * recheck is not installed. Only the rules recheck does not judge safe are returned.
 */
export async function checkRulesSafety(rules: readonly RuleDefinition[]): Promise<UnsafeRule[] | null> {
  if (!(await recheckAvailable())) return null;
  const unsafe: UnsafeRule[] = [];
  for (const rule of rules) {
    const verdict = await checkRegexSafety(rule.pattern, regexFlags(rule));
    if (verdict.status !== 'safe') unsafe.push({ ruleId: rule.id, verdict });
  }
  return unsafe;
}
