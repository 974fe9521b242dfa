import type { RuleInfo } from '../scan-result.js';
import type { RuleDefinition } from './types.js';

/** A rule ready to run: regexes built once per run and shared by every chunk. */
export interface CompiledRule {
  definition: RuleDefinition;
  /**
   * `g` to walk all matches, `d` for the secret's exact offsets within each match; sticky (`y`)
   * for rules anchored at names or keywords, which are tried at given offsets only.
   */
  regex: RegExp;
  context: { regex: RegExp; within: number } | null;
  /** Lower-cased keywords; the prefilter matches them case-insensitively. */
  keywords: string[];
  generic: boolean;
  /** Run on the whole text rather than on windows around keyword hits (see detect/windows.ts). */
  multiline: boolean;
  /** Tried only where a name holding a keyword begins (RuleDefinition.anchor). */
  anchoredAtName: boolean;
  /** Tried only where a keyword begins (RuleDefinition.keywordAnchored). */
  anchoredAtKeyword: boolean;
  /** How far from a keyword hit a match or its context may reach. */
  reach: number;
  /** RuleDefinition.matchReach; Infinity when unbounded or not known. */
  matchReach: number;
  category: 'secret' | 'risky-code';
}

/**
 * The flags a rule's regex runs with: `g` to walk all matches, `d` for the secret's offsets, sticky
 * (`y`) for rules anchored at names or keywords, then the rule's own. The ReDoS check judges the regex with these.
 */
export function regexFlags(definition: Pick<RuleDefinition, 'anchor' | 'flags' | 'keywordAnchored'>): string {
  const sticky = definition.anchor === 'name' || definition.keywordAnchored === true;
  return `gd${sticky ? 'y' : ''}${definition.flags ?? ''}`;
}

/** A context pattern is tested (not walked) near the secret, in any case. */
export const CONTEXT_FLAGS = 'i';

export function compileRules(rules: readonly RuleDefinition[]): CompiledRule[] {
  return rules.map((definition) => ({
    definition,
    regex: new RegExp(definition.pattern, regexFlags(definition)),
    context: definition.context ? { regex: new RegExp(definition.context.pattern, CONTEXT_FLAGS), within: definition.context.within } : null,
    keywords: definition.keywords.map((keyword) => keyword.toLowerCase()),
    generic: definition.generic === true,
    multiline: definition.multiline === true,
    anchoredAtName: definition.anchor === 'name',
    anchoredAtKeyword: definition.keywordAnchored === true,
    reach: definition.context?.within ?? 0,
    matchReach: definition.matchReach ?? Infinity,
    category: definition.category ?? 'secret',
  }));
}

export function ruleInfo(definition: RuleDefinition): RuleInfo {
  return {
    id: definition.id,
    name: definition.name,
    provider: definition.provider,
    severity: definition.severity,
    description: definition.description,
    references: definition.references,
    category: definition.category ?? 'secret',
    generic: definition.generic === true,
    ...(definition.remedy ? { remedy: definition.remedy } : {}),
  };
}
