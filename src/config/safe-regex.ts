import { ConfigError } from './error.js';

/**
 * Rejects a user's regex that can backtrack catastrophically, in time linear in the pattern.
 * A scan cannot run recheck (src/rules/redos.ts, a development dependency that `keyguard rules
 * check` uses where installed), so config loading applies this heuristic: a group that is repeated
 * without bound and holds an unboundedly repeated part, with no fixed character in the group to
 * separate the repetitions — `(a+)+`, `(\w+\s?)*`, `(?:[a-z]*)+` — can split one input in
 * exponentially many ways. `([a-z]+-)+` is allowed: every repetition must end at a `-`.
 */
export function assertSafeRegex(pattern: string, where: string): void {
  const problem = nestedQuantifier(pattern);
  if (problem !== null) throw new ConfigError(`${where}: the regex ${JSON.stringify(pattern)} can backtrack catastrophically (${problem}); rewrite it without a repeated group around a repeated part`);
}

interface Group {
  /** An unbounded quantifier (`*`, `+`, `{n,}`) applies to something inside the group. */
  repeats: boolean;
  /** The current alternative holds a character or class that must match once per repetition. */
  separated: boolean;
  /** Every earlier alternative (before a `|`) was separated. */
  earlierSeparated: boolean;
}

function newGroup(): Group {
  return { repeats: false, separated: false, earlierSeparated: true };
}

/** Length of an unbounded quantifier at `index` (`*`, `+`, `{n,}`), 0 if there is none. */
function unboundedQuantifier(pattern: string, index: number): number {
  const char = pattern[index];
  if (char === '*' || char === '+') return 1;
  if (char === '{') {
    const match = /^\{\d+,\}/.exec(pattern.slice(index));
    if (match) return match[0].length;
  }
  return 0;
}

function isQuantifier(pattern: string, index: number): boolean {
  const char = pattern[index];
  return char === '*' || char === '+' || char === '?' || (char === '{' && /^\{\d+(,\d*)?\}/.test(pattern.slice(index)));
}

function nestedQuantifier(pattern: string): string | null {
  const stack: Group[] = [newGroup()];
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index]!;
    let atomEnd: number;
    let closed: Group | null = null;
    if (char === '\\') {
      atomEnd = index + 2;
    } else if (char === '[') {
      atomEnd = index + 1;
      while (atomEnd < pattern.length && pattern[atomEnd] !== ']') atomEnd += pattern[atomEnd] === '\\' ? 2 : 1;
      atomEnd += 1;
    } else if (char === '(') {
      stack.push(newGroup());
      index += pattern.startsWith('(?', index) ? (/^\(\?<[=!]|^\(\?[:=!]/.exec(pattern.slice(index))?.[0].length ?? /^\(\?<[^>]*>/.exec(pattern.slice(index))?.[0].length ?? 2) : 1;
      continue;
    } else if (char === ')') {
      closed = stack.length > 1 ? stack.pop()! : null;
      if (closed) closed.separated &&= closed.earlierSeparated;
      atomEnd = index + 1;
    } else if (char === '|') {
      const group = stack[stack.length - 1]!;
      group.earlierSeparated &&= group.separated;
      group.separated = false;
      index += 1;
      continue;
    } else {
      atomEnd = index + 1;
    }
    const top = stack[stack.length - 1]!;
    const unbounded = unboundedQuantifier(pattern, atomEnd);
    if (closed) {
      if (unbounded > 0 && closed.repeats && !closed.separated) return 'a repeated group holds a repeated part';
      if (closed.repeats || unbounded > 0) top.repeats = true;
      if (closed.separated && !isQuantifier(pattern, atomEnd)) top.separated = true;
    } else if (unbounded > 0) {
      top.repeats = true;
    } else if (!isQuantifier(pattern, atomEnd) && char !== '^' && char !== '$') {
      top.separated = true;
    }
    index = atomEnd;
    if (isQuantifier(pattern, index)) {
      index += pattern[index] === '{' ? pattern.indexOf('}', index) - index + 1 : 1;
      if (pattern[index] === '?' || pattern[index] === '+') index += 1; // lazy or possessive-looking suffix
    }
  }
  return null;
}
