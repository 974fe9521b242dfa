import type { CompiledRule } from '../rules/compile.js';
import { KeywordAutomaton } from './keyword-automaton.js';
import { builtinKeywordTable, type KeywordTable } from './keyword-table.js';

/**
 * One pass over the bytes with every rule's keywords. A chunk that holds none of them (most files)
 * is rejected without decoding it or running any rule regex; otherwise each rule that can fire
 * gets the offsets of its keywords, so the detector can run the rule only near them.
 */
export class Prefilter {
  private readonly automaton: KeywordAutomaton;
  /** What the automaton looks for, in the order of its keyword indexes (the build stores a table for them). */
  readonly keywords: readonly string[];
  /** Indexed like the automaton's keywords. */
  private readonly rulesByKeyword: CompiledRule[][];
  /** Indexed like the automaton's keywords: the marker the keyword is, if it is one. */
  private readonly markerByKeyword: Array<string | undefined>;
  private readonly hasMarkers: boolean;

  /**
   * `markers` are other strings whose offsets the same pass collects (the openings of encoded
   * text the decoders look at), so that finding them costs no extra pass over the bytes.
   */
  constructor(rules: readonly CompiledRule[], markers: readonly string[] = [], stored: KeywordTable | null = builtinKeywordTable()) {
    const byKeyword = new Map<string, CompiledRule[]>();
    for (const rule of rules) {
      for (const keyword of rule.keywords) byKeyword.set(keyword, [...(byKeyword.get(keyword) ?? []), rule]);
    }
    for (const marker of markers) if (!byKeyword.has(marker.toLowerCase())) byKeyword.set(marker.toLowerCase(), []);
    // The stored table of the built-in rules serves any set of rules whose keywords it holds (all
    // of them, or some disabled by a config): its other keywords find no rule. A custom rule with
    // a keyword of its own needs a table built for this run.
    const table = stored && covers(stored, byKeyword.keys()) ? stored : null;
    this.keywords = table ? table.keywords : [...byKeyword.keys()];
    this.automaton = new KeywordAutomaton(table ?? this.keywords);
    this.rulesByKeyword = this.keywords.map((keyword) => byKeyword.get(keyword) ?? []);
    this.markerByKeyword = this.keywords.map((keyword) => markers.find((marker) => marker.toLowerCase() === keyword));
    this.hasMarkers = markers.length > 0;
  }

  /**
   * The rules whose keywords occur in `content`, each with the ascending byte offsets of those
   * keywords (one per occurrence, overlapping ones included: `key` inside `api-key`). Byte offsets
   * equal string offsets in the latin1 text the detector decodes.
   */
  keywordHits(content: Uint8Array): Map<CompiledRule, number[]> {
    return this.scan(content).rules;
  }

  /** keywordHits, and the ascending offsets of each marker found (case-insensitively). */
  scan(content: Uint8Array): { rules: Map<CompiledRule, number[]>; markers: Map<string, number[]> } {
    const hits = new Map<CompiledRule, number[]>();
    const markers = new Map<string, number[]>();
    let unordered = false;
    const found = this.automaton.scan(content);
    for (let pair = 0; pair < found.length; pair += 2) {
      const start = found[pair + 1]!;
      const marker = this.hasMarkers ? this.markerByKeyword[found[pair]!] : undefined;
      if (marker !== undefined) {
        const offsets = markers.get(marker);
        if (!offsets) markers.set(marker, [start]);
        else offsets.push(start);
      }
      for (const rule of this.rulesByKeyword[found[pair]!]!) {
        const offsets = hits.get(rule);
        if (!offsets) hits.set(rule, [start]);
        else if (offsets[offsets.length - 1]! !== start) {
          // Two keywords of one rule, one inside the other, are reported in the order they end.
          if (start < offsets[offsets.length - 1]!) unordered = true;
          offsets.push(start);
        }
      }
    }
    if (unordered) for (const offsets of hits.values()) offsets.sort((a, b) => a - b);
    return { rules: hits, markers };
  }
}

function covers(table: KeywordTable, keywords: Iterable<string>): boolean {
  const held = new Set(table.keywords);
  for (const keyword of keywords) if (!held.has(keyword)) return false;
  return true;
}
