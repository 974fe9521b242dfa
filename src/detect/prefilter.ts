import type { CompiledRule } from '../rules/compile.js';

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * One pass over the text with every rule's keywords in a single alternation: a chunk that holds
 * none of them (most files) is rejected without running any rule regex, and a chunk that holds some
 * runs only the rules those keywords belong to.
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
    // Longest first, so a keyword that contains another still registers as itself.
    const keywords = [...this.rulesByKeyword.keys()].sort((a, b) => b.length - a.length);
    this.combined = new RegExp(keywords.map(escapeRegExp).join('|'), 'gi');
  }

  /** The rules whose keywords occur in `text`, in the order the rules were given. */
  candidateRules(text: string, allRules: readonly CompiledRule[]): CompiledRule[] {
    const hit = new Set<CompiledRule>();
    const seenKeywords = new Set<string>();
    const regex = this.combined;
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
      const keyword = match[0].toLowerCase();
      if (seenKeywords.has(keyword)) continue;
      seenKeywords.add(keyword);
      for (const rule of this.rulesByKeyword.get(keyword) ?? []) hit.add(rule);
      if (seenKeywords.size === this.rulesByKeyword.size) break;
    }
    return hit.size === 0 ? [] : allRules.filter((rule) => hit.has(rule));
  }
}
