/**
 * How far past the place a match attempt starts a rule's pattern can read: the longest match plus
 * whatever its look-aheads, `$` and `\b` inspect beyond it. The detector gives each regex run only
 * that many characters after the last place a match may start (detector.ts collectHits); a bounded
 * pattern such as the AWS secret key's 40 characters then no longer reads on through the 4 KB that
 * an unbounded one may need.
 *
 * Rules allow only the `i` and `m` flags (validate.ts), so a pattern is read in non-Unicode mode:
 * every character class or literal is one UTF-16 unit.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** The most characters a node can consume, and the most it can read counted from its start. */
interface Extent {
  length: number;
  reach: number;
}

const NOTHING: Extent = { length: 0, reach: 0 };
const ONE: Extent = { length: 1, reach: 1 };

/** The characters `pattern` may read from where a match attempt starts; Infinity when unbounded. */
export function matchReach(pattern: string): number {
  const ast = new RegExpParser().parsePattern(pattern, 0, pattern.length, { unicode: false });
  return choice(ast.alternatives).reach;
}

function choice(alternatives: readonly AST.Alternative[]): Extent {
  let length = 0;
  let reach = 0;
  for (const alternative of alternatives) {
    const extent = sequence(alternative.elements);
    length = Math.max(length, extent.length);
    reach = Math.max(reach, extent.reach);
  }
  return { length, reach };
}

function sequence(elements: readonly AST.Element[]): Extent {
  let length = 0;
  let reach = 0;
  for (const element of elements) {
    const extent = extentOf(element);
    reach = Math.max(reach, length + extent.reach);
    length += extent.length;
  }
  return { length, reach: Math.max(reach, length) };
}

function extentOf(element: AST.Element): Extent {
  switch (element.type) {
    case 'Character':
    case 'CharacterSet':
    case 'CharacterClass':
    case 'ExpressionCharacterClass':
      return ONE;
    case 'Group':
    case 'CapturingGroup':
      return choice(element.alternatives);
    case 'Quantifier':
      return repeated(extentOf(element.element), element.max);
    case 'Assertion':
      return assertion(element);
    case 'Backreference':
      // As long as what the group matched, which this bound does not track.
      return { length: Infinity, reach: Infinity };
  }
}

function repeated(once: Extent, max: number): Extent {
  if (max === 0) return NOTHING;
  if (once.length === 0) return once;
  return { length: max * once.length, reach: (max - 1) * once.length + once.reach };
}

function assertion(node: AST.Assertion): Extent {
  switch (node.kind) {
    case 'start':
      return NOTHING;
    // `$` and `\b` look at the character where they stand (is there one, is it a word character).
    case 'end':
    case 'word':
      return { length: 0, reach: 1 };
    case 'lookahead':
      return { length: 0, reach: choice(node.alternatives).reach };
    case 'lookbehind':
      // It reads backwards from here, but assertions inside it that look forward start at or
      // before here and may read past it.
      return { length: 0, reach: forwardLooks(node.alternatives) };
  }
}

/** The furthest that look-aheads, `$` and `\b` nested in a look-behind read past where they start. */
function forwardLooks(alternatives: readonly AST.Alternative[]): number {
  let reach = 0;
  const visit = (element: AST.Element): void => {
    if (element.type === 'Assertion') {
      if (element.kind === 'end' || element.kind === 'word') reach = Math.max(reach, 1);
      else if (element.kind === 'lookahead') reach = Math.max(reach, choice(element.alternatives).reach);
      else if (element.kind === 'lookbehind') element.alternatives.forEach((alternative) => alternative.elements.forEach(visit));
    } else if (element.type === 'Group' || element.type === 'CapturingGroup') {
      element.alternatives.forEach((alternative) => alternative.elements.forEach(visit));
    } else if (element.type === 'Quantifier') {
      visit(element.element);
    }
  };
  alternatives.forEach((alternative) => alternative.elements.forEach(visit));
  return reach;
}
