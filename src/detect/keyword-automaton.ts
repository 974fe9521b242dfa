/**
 * The automaton's data, which depends on the keywords alone: building it is the slow part (~25 ms
 * of a pre-commit hook's CPU time for the built-in rules, mostly in code that runs once and so is
 * never optimised), so the build stores the built-in rules' table (keyword-table.ts).
 */
export interface AutomatonTable {
  /** `transitions[state * 256 + byte]`: the next state. */
  transitions: Uint16Array;
  /**
   * Per state, the keywords (index, length) that end there; empty for most states. The states
   * where keywords end are numbered last (see outputStatesLast).
   */
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
  return outputStatesLast({ transitions, endings: ending });
}

/**
 * The same automaton with its states renumbered so that those where keywords end come after all
 * others: the scanning loop then tells them apart by comparing the state number with the first of
 * them, a register compare instead of a table load per byte and walk (the loop's only loads are
 * then the byte and the next state). The root stays state 0 (no keyword is empty).
 */
export function outputStatesLast(table: AutomatonTable): AutomatonTable {
  const { transitions, endings } = table;
  const order = [...endings.keys()].sort((a, b) => Number(endings[a]!.length > 0) - Number(endings[b]!.length > 0) || a - b);
  const renumbered = new Uint16Array(order.length);
  order.forEach((state, position) => (renumbered[state] = position));
  const moved = new Uint16Array(transitions.length);
  order.forEach((state, position) => {
    for (let byte = 0; byte < 256; byte++) moved[position * 256 + byte] = renumbered[transitions[state * 256 + byte]!]!;
  });
  return { transitions: moved, endings: order.map((state) => endings[state]!) };
}

/** The first state where a keyword ends, when they all come after the others; null otherwise. */
function firstOutputState(endings: AutomatonTable['endings']): number | null {
  const first = endings.findIndex((found) => found.length > 0);
  if (first === -1) return endings.length;
  return endings.every((found, state) => found.length > 0 === state >= first) ? first : null;
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
  /** States from this one on are where keywords end (outputStatesLast). */
  private readonly outputFrom: number;
  /** `outputs` as flat arrays for the scanning loop, made on first use. */
  private flatOutputs: FlatOutputs | undefined;

  /** From the keywords, or from the table built for them earlier (keyword-table.ts). */
  constructor(source: readonly string[] | AutomatonTable) {
    let table = 'transitions' in source ? source : automatonTable(source);
    // A table stored by an older build may number its states otherwise.
    if (firstOutputState(table.endings) === null) table = outputStatesLast(table);
    this.transitions = table.transitions;
    this.outputs = table.endings.map((found) => [...found].sort((a, b) => b[1] - a[1]));
    this.outputFrom = firstOutputState(table.endings)!;
  }

  /**
   * Every occurrence, overlapping ones included, as flat pairs `[keyword, start, keyword, start …]`
   * in the order their ends appear (at one end, longest first, so the starts of one keyword
   * ascend). Pairs in a plain array rather than a callback per hit: one call site that never sees
   * a new closure keeps this loop optimised.
   *
   * The walk is one dependent load per byte (the next state needs the last), so a single walk
   * waits on memory latency, not throughput: ~330 MB/s per core on the benchmark tree. Bytes are
   * therefore walked as STREAMS interleaved parts of the input at once, which the CPU overlaps
   * (2.5x faster, measured with 1, 2 and 4 streams). Each part after the first starts
   * `overlap` bytes early, from the root, and reports only the ends in its own part: a keyword
   * ending there starts at most `overlap` bytes before, so it is found as a walk of the whole
   * input finds it; the parts' hits, in part order, keep the ends in order.
   */
  scan(bytes: Uint8Array): number[] {
    const outputs = (this.flatOutputs ??= flatten(this.outputs));
    const overlap = outputs.longest - 1;
    // Each part: `length` bytes, the first `overlap` of them (after the first part) shared with
    // the part before; the last part ends at or just past the input's end.
    const length = Math.ceil((bytes.length + (STREAMS - 1) * overlap) / STREAMS);
    const step = length - overlap;
    if (step < MIN_STREAM_BYTES) return this.walk(bytes, 0, bytes.length, 0, 0, []);
    const lockstep = bytes.length - (STREAMS - 1) * step;
    const { transitions, outputFrom } = this;
    const found0: number[] = [];
    const found1: number[] = [];
    const found2: number[] = [];
    const found3: number[] = [];
    let state0 = 0;
    let state1 = 0;
    let state2 = 0;
    let state3 = 0;
    for (let index = 0; index < lockstep; index++) {
      const index1 = index + step;
      const index2 = index1 + step;
      const index3 = index2 + step;
      state0 = transitions[(state0 << 8) | bytes[index]!]!;
      state1 = transitions[(state1 << 8) | bytes[index1]!]!;
      state2 = transitions[(state2 << 8) | bytes[index2]!]!;
      state3 = transitions[(state3 << 8) | bytes[index3]!]!;
      if (state0 >= outputFrom) report(outputs, state0, index, found0);
      if (state1 >= outputFrom && index >= overlap) report(outputs, state1, index1, found1);
      if (state2 >= outputFrom && index >= overlap) report(outputs, state2, index2, found2);
      if (state3 >= outputFrom && index >= overlap) report(outputs, state3, index3, found3);
    }
    // The last part ends at the input's end; the others have a few bytes left to reach theirs.
    this.walk(bytes, lockstep, length, state0, 0, found0);
    this.walk(bytes, step + lockstep, step + length, state1, step + overlap, found1);
    this.walk(bytes, 2 * step + lockstep, 2 * step + length, state2, 2 * step + overlap, found2);
    return found0.concat(found1, found2, found3);
  }

  /** One walk over bytes [from, to) from `state`, reporting the keywords that end at `reportFrom` or later. */
  private walk(bytes: Uint8Array, from: number, to: number, state: number, reportFrom: number, found: number[]): number[] {
    const { transitions, outputFrom } = this;
    const outputs = (this.flatOutputs ??= flatten(this.outputs));
    for (let index = from; index < to; index++) {
      state = transitions[(state << 8) | bytes[index]!]!;
      if (state >= outputFrom && index >= reportFrom) report(outputs, state, index, found);
    }
    return found;
  }
}

/** Parts walked at once by KeywordAutomaton.scan (the lockstep loop is written out for four). */
const STREAMS = 4;
/** Below this many bytes per part, the parts' overlaps cost more than the interleaving saves. */
const MIN_STREAM_BYTES = 256;

/** The keywords that end at each state, in flat arrays: no iterator or tuple per hit. */
interface FlatOutputs {
  /** Keywords of state `s`: entries first[s] to first[s + 1]. */
  first: Int32Array;
  keyword: Int32Array;
  length: Int32Array;
  /** The longest keyword's length in bytes. */
  longest: number;
}

function flatten(outputs: ReadonlyArray<ReadonlyArray<readonly [keyword: number, length: number]>>): FlatOutputs {
  const first = new Int32Array(outputs.length + 1);
  const all = outputs.flat();
  outputs.forEach((ending, state) => (first[state + 1] = first[state]! + ending.length));
  return {
    first,
    keyword: Int32Array.from(all, ([keyword]) => keyword),
    length: Int32Array.from(all, ([, length]) => length),
    longest: Math.max(1, ...all.map(([, length]) => length)),
  };
}

/** Adds the keywords ending at byte `index` in `state` to `found`, longest first. */
function report(outputs: FlatOutputs, state: number, index: number, found: number[]): void {
  const { first, keyword, length } = outputs;
  for (let entry = first[state]!; entry < first[state + 1]!; entry++) found.push(keyword[entry]!, index - length[entry]! + 1);
}
