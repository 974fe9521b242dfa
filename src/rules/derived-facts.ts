/**
 * What the rule loaders work out from a rule's pattern, once: the build stores it in
 * dist/rules.json with the rules, so a run (a pre-commit hook above all) parses no pattern.
 */
import { startsWithKeyword } from './keyword-anchor.js';
import { matchReach } from './match-reach.js';
import type { RuleDefinition } from './types.js';

export function withDerivedFacts<T extends RuleDefinition>(rule: T): T {
  const { matchReach: _reach, keywordAnchored: _anchored, ...declared } = rule;
  const reach = matchReach(rule.pattern);
  // A name-anchored rule is tried at names already; a multiline one runs on the whole text.
  const keywordAnchored = rule.anchor === undefined && rule.multiline !== true && startsWithKeyword(rule.pattern, rule.keywords);
  return {
    ...declared,
    ...(Number.isFinite(reach) && { matchReach: reach }),
    ...(keywordAnchored && { keywordAnchored: true }),
  } as T;
}
