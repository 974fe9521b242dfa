/**
 * A false-positive filter: one small named predicate over a candidate match. Filters run after a
 * rule's pattern, entropy and context checks; if any filter matches, the candidate is dropped.
 */

/** What a filter sees of a candidate match. */
export interface Candidate {
  /** The captured secret value. */
  secret: string;
  /** The whole regex match; for generic rules it includes the assigned name, e.g. `api_key = "…"`. */
  match: string;
  /** The full line the secret starts on (without the line break). */
  line: string;
  /** Path relative to the scan root, forward slashes. */
  path: string;
  ruleId: string;
  /** True for rules that find secrets by name rather than shape (see RuleDefinition.generic). */
  generic: boolean;
  /**
   * `risky-code` candidates (e.g. `dangerouslyAllowBrowser` set to `true`) are code, not secrets: value
   * heuristics make no sense for them, so no filter applies.
   */
  category: 'secret' | 'risky-code';
}

export interface Filter {
  /** kebab-case, e.g. `placeholder`; shown in --verbose output when a candidate is dropped. */
  name: string;
  /** One sentence: what it drops and why that is safe. */
  description: string;
  /**
   * `all`: applies to every secret rule. `generic`: only to generic rules, because a provider rule
   * with a fixed marker is strong evidence on its own and must not be dropped by heuristics.
   */
  appliesTo: 'all' | 'generic';
  /** True when the candidate is a false positive and must be dropped. */
  matches(candidate: Candidate): boolean;
}
