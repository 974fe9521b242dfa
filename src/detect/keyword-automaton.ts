/**
 * The automaton's data, which depends on the keywords alone: building it is the slow part (~25 ms
 * of a pre-commit hook's CPU time for the built-in rules, mostly in code that runs once and so is
 * never optimised), so the build stores the built-in rules' table (keyword-table.ts).
 */
export interface AutomatonTable {
  /** `transitions[state * 256 + byte]`: the next state. */
  transitions: Uint16Array;
  /** Per state, the keywords (index, length) that end there; empty for most states. */
  endings: Array<Array<[keyword: number, length: number]>>;
}

export function automatonTable(keywords: readonly string[]): AutomatonTable {
  // 1. A trie of the lower-cased keywords. State 0 is the root.
  const children: Array<Map<number, number>> = [new Map()];
  const ending: Array<Array<[number, number]>> = [[]];
  keywords.forEach((keyword, index) => {
    const bytes = Buffer.from(keyword.toLowerCase(), 'utf8');
    if (bytes.length === 0) throw new Error('keywords must not be empty');
    let state = 0;
    for (const byte of bytes) {
      let child = children[state]!.get(byte);
      if (child === undefined) {
        child = children.length;
        children.push(new Map());
        ending.push([]);
        children[state]!.set(byte, child);
      }
      state = child;
    }
    ending[state]!.push([index, bytes.length]);
  });
  if (children.length > 0xffff) throw new Error(`too many keyword states (${children.length})`);

  // 2. Breadth first, each state's row: a copy of its failure state's row (where its longest
  // proper suffix goes, already filled in), then its own trie children on top. A state also
  // reports the keywords its failure state reports.
  const transitions = new Uint16Array(children.length * 256);
  const failure = new Uint16Array(children.length);
  const queue: number[] = [0];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const row = state * 256;
    if (state !== 0) {
      transitions.copyWithin(row, failure[state]! * 256, failure[state]! * 256 + 256);
      ending[state]!.push(...ending[failure[state]!]!);
    }
    for (const [byte, child] of children[state]!) {
      // The failure row is final (shallower), so it says where this byte leads from the suffix.
      failure[child] = state === 0 ? 0 : transitions[failure[state]! * 256 + byte]!;
      queue.push(child);
    }
    for (const [byte, child] of children[state]!) {
      transitions[row + byte] = child;
      if (byte >= 0x61 && byte <= 0x7a) transitions[row + byte - 0x20] = child; // upper case too
    }
  }
  return { transitions, endings: ending };
}

/**
 * Finds every occurrence of a set of keywords in raw bytes in one pass, with one table lookup per
 * byte however many keywords there are: an Aho-Corasick automaton unrolled into a dense table
 * (state × byte → state). ASCII letters match in either case.
 *
 * Why not one regex alternation: V8 tries the ~70 alternatives one after another at each position
 * where the first letter fits, which made the prefilter the most expensive step of a scan
 * (node --cpu-prof: ~40 % of a worker's time); the table walk is several times faster and works
 * on the Buffer, so a file without keywords is never decoded to a string.
 */
export class KeywordAutomaton {
  /** `transitions[state * 256 + byte]`: the next state. */
  private readonly transitions: Uint16Array;
  /** Per state, the keywords (index, length) that end there, longest first; empty for most states. */
  private readonly outputs: ReadonlyArray<ReadonlyArray<readonly [keyword: number, length: number]>>;
  private readonly hasOutput: Uint8Array;

  /** From the keywords, or from the table built for them earlier (keyword-table.ts). */
  constructor(source: readonly string[] | AutomatonTable) {
    const { transitions, endings } = 'transitions' in source ? source : automatonTable(source);
    this.transitions = transitions;
    this.outputs = endings.map((found) => found.sort((a, b) => b[1] - a[1]));
    this.hasOutput = Uint8Array.from(endings, (found) => (found.length > 0 ? 1 : 0));
  }

  /**
   * Every occurrence, overlapping ones included, as flat pairs `[keyword, start, keyword, start …]`
   * in the order their ends appear (at one end, longest first, so the starts of one keyword
   * ascend). Pairs in a plain array rather than a callback per hit: one call site that never sees
   * a new closure keeps this loop optimised.
   */
  scan(bytes: Uint8Array): number[] {
    const { transitions, hasOutput, outputs } = this;
    const found: number[] = [];
    let state = 0;
    for (let index = 0; index < bytes.length; index++) {
      state = transitions[(state << 8) | bytes[index]!]!;
      if (hasOutput[state] === 1) {
        for (const [keyword, length] of outputs[state]!) found.push(keyword, index - length + 1);
      }
    }
    return found;
  }
}
