/**
 * Whether every match of a pattern begins with one of its rule's keywords: `EAA…`, `sk-ant-…`,
 * `(?:AKIA|ASIA)…` behind any look-behinds. The prefilter reports every place a keyword starts,
 * so such a rule's pattern need only be tried there, once per keyword hit, instead of at every
 * position of the few lines around it (detector.ts collectKeywordHits). Facebook's `EAA` alone
 * had 350,000 hits on the benchmark tree, each a window of lines scanned position by position.
 *
 * Read from the pattern's syntax tree (non-Unicode mode, as validate.ts allows only `i` and `m`):
 * the literal characters every path through the pattern consumes first, after zero-width
 * assertions, must start with a keyword (keywords match in any case, so the comparison ignores it).
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** Paths through alternatives are followed up to this many; a pattern with more is not anchored. */
const MAX_PATHS = 64;

export function startsWithKeyword(pattern: string, keywords: readonly string[]): boolean {
  const ast = new RegExpParser().parsePattern(pattern, 0, pattern.length, { unicode: false });
  const longest = Math.max(...keywords.map((keyword) => keyword.length));
  const prefixes = literalPrefixes(ast.alternatives.map((alternative) => alternative.elements), longest);
  if (prefixes === null) return false;
  const lowered = keywords.map((keyword) => keyword.toLowerCase());
  return prefixes.every((prefix) => lowered.some((keyword) => prefix.startsWith(keyword)));
}

/**
 * The lower-cased literal text each path of `sequences` begins with, read up to `length`
 * characters (a path's prefix stops at its first element that is not one of a few listed characters); null
 * past MAX_PATHS paths.
 */
function literalPrefixes(sequences: ReadonlyArray<readonly AST.Element[]>, length: number): string[] | null {
  const prefixes: string[] = [];
  // Each pending path: the elements still to read, and the prefix read so far.
  const pending: Array<{ elements: readonly AST.Element[]; prefix: string }> = sequences.map((elements) => ({ elements, prefix: '' }));
  while (pending.length > 0) {
    if (pending.length + prefixes.length > MAX_PATHS) return null;
    const { elements, prefix } = pending.pop()!;
    const [first, ...rest] = elements;
    if (first === undefined || prefix.length >= length) {
      prefixes.push(prefix);
      continue;
    }
    if (first.type === 'Assertion') {
      pending.push({ elements: rest, prefix });
    } else if (first.type === 'Group' || first.type === 'CapturingGroup') {
      for (const alternative of first.alternatives) pending.push({ elements: [...alternative.elements, ...rest], prefix });
    } else {
      const characters = fewCharacters(first);
      if (characters === null) prefixes.push(prefix);
      else for (const character of characters) pending.push({ elements: rest, prefix: prefix + character });
    }
  }
  return prefixes;
}

/** A class of this many characters or fewer is read as that many paths (`xox[bp]`, `gh[pousr]_`). */
const MAX_CLASS_CHARACTERS = 8;

/**
 * The characters (lower-cased) an element consumes when it consumes exactly one of a few listed
 * ones: `a`, `\.`, `[Aa]`, `[pousr]`; null for anything else (a range, a set such as `\w`, a
 * quantifier).
 */
function fewCharacters(element: AST.Element): string[] | null {
  if (element.type === 'Character') return [String.fromCharCode(element.value).toLowerCase()];
  if (element.type !== 'CharacterClass' || element.negate) return null;
  const characters = new Set<string>();
  for (const member of element.elements) {
    if (member.type !== 'Character') return null;
    characters.add(String.fromCharCode(member.value).toLowerCase());
  }
  return characters.size > 0 && characters.size <= MAX_CLASS_CHARACTERS ? [...characters] : null;
}
