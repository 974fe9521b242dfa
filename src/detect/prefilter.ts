import type { CompiledRule } from '../rules/compile.js';

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * One pass over the text with every rule's keywords in a single alternation. A chunk that holds
 * none of them (most files) is rejected without running any rule regex; otherwise each rule that
 * can fire gets the offsets of its keywords, so the detector can run the rule only near them.
 */
export class Prefilter {
  private readonly combined: RegExp;
  private readonly rulesByKeyword = new Map<string, CompiledRule[]>();

  constructor(rules: readonly CompiledRule[]) {
    for (const rule of rules) {
      for (const keyword of rule.keywords) {
        const list = this.rulesByKeyword.get(keyword) ?? [];
        list.push(rule);
        this.rulesByKeyword.set(keyword, list);
      }
    }
    // Longest first, so that at one offset the longer of two keywords is the one reported.
    const keywords = [...this.rulesByKeyword.keys()].sort((a, b) => b.length - a.length);
    this.combined = new RegExp(keywords.map(escapeRegExp).join('|'), 'gi');
  }

  /** The rules whose keywords occur in `text`, each with the ascending offsets of those keywords. */
  keywordHits(text: string): Map<CompiledRule, number[]> {
    const hits = new Map<CompiledRule, number[]>();
    const regex = this.combined;
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
      // Resume one character on, not after the match: a keyword inside or across another one
      // (`key` in `api-key`, `t3blbkfj` overlapping `a3t`) must register too.
      regex.lastIndex = match.index + 1;
      for (const rule of this.rulesByKeyword.get(match[0].toLowerCase())!) {
        const offsets = hits.get(rule);
        if (offsets) offsets.push(match.index);
        else hits.set(rule, [match.index]);
      }
    }
    return hits;
  }
}
