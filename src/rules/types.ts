import type { Severity } from '../finding/finding.js';

/**
 * A rule as written in rules/*.yaml. Each file has a top-level `provider` (inherited by its rules
 * unless a rule sets its own) and a `rules` list.
 */
export interface RuleDefinition {
  /** kebab-case, unique across all files, e.g. `openai-project-key`. */
  id: string;
  /** Human name, e.g. "OpenAI project API key". */
  name: string;
  provider: string;
  severity: Severity;
  /** One sentence for `keyguard rules` and SARIF's fullDescription. */
  description: string;
  /**
   * `secret` (default): the capture is a credential; it is redacted and filtered.
   * `risky-code`: the capture is code that exposes a credential (e.g. `dangerouslyAllowBrowser` set to `true`);
   * it is shown as is and only the allow-comment filter applies.
   */
  category?: 'secret' | 'risky-code';
  /**
   * Literal strings, matched case-insensitively; the rule only runs on content that contains at
   * least one of them. This is the prefilter that keeps the scan fast: choose the rarest literal
   * that every match must contain.
   */
  keywords: string[];
  /** JavaScript regular expression source. Exactly one capture group: the secret. */
  pattern: string;
  /** Extra RegExp flags: only `i` (case-insensitive) and `m` are allowed. */
  flags?: string;
  /** Minimum Shannon entropy (bits per character) of the captured secret. */
  entropy?: number;
  /**
   * For keys with no fixed prefix: a case-insensitive regex that must match within `within`
   * characters before or after the secret (e.g. `azure|openai\.azure\.com` for Azure OpenAI keys).
   */
  context?: { pattern: string; within: number };
  /**
   * For JWT-shaped keys: claim values the token's payload must have, e.g. `{ role: service_role }`
   * for a Supabase service-role key, whose public `anon` sibling has the same shape.
   */
  jwtClaims?: Record<string, string>;
  /**
   * `true` when a match can run over many lines (a PEM block). Other rules only run within a few
   * lines of their keywords, which keeps common keywords such as `key` cheap.
   */
  multiline?: boolean;
  /**
   * `name` for rules that find a secret by the name it is assigned to, whose every match begins
   * where a name (a run of `[\w.-]` characters) holding one of the keywords begins: the pattern
   * starts with `(?<![\w.-])` and the keywords are name characters. The detector then tries the
   * pattern once at each such name instead of at every position near the keywords, which is what
   * makes common keywords such as `key` and `token` cheap in minified code.
   */
  anchor?: 'name';
  /**
   * `true` for rules that catch secrets by the name they are assigned to rather than by their
   * shape. Only such rules are subject to the heuristic false-positive filters (template values,
   * UUIDs, hash names, lock files ...), and their findings yield to any provider rule's finding on
   * the same text.
   */
  generic?: boolean;
  /** What to do when this rule fires; a sensible default is used when absent. */
  remedy?: string;
  /**
   * Text (a line or a few lines) that must produce a finding of this rule. Required in rules/*.yaml;
   * dist/rules.json leaves examples out (the runtime never reads them).
   */
  examples?: RuleExample[];
  /** Near misses that must not produce a finding of this rule. */
  negativeExamples?: RuleExample[];
  /** The provider's key-management page first; shown as the remediation link. */
  references: string[];
  /**
   * A last resort: why recheck cannot judge this pattern safe, and what bounds its work instead.
   * test/rules/redos-rules.test.ts proves that bound for such a rule instead of expecting `safe`.
   */
  redos?: string;
  /**
   * Derived from `pattern`, never written in a rule: the most characters a match attempt may read
   * from where it starts (rules/match-reach.ts), absent when that is unbounded. The rule loaders set
   * it (the build stores it in dist/rules.json); the detector shows a regex no more than this past
   * the last place a match may start.
   */
  matchReach?: number;
  /**
   * Derived from `pattern` and `keywords`, never written in a rule: every match begins with one of
   * the keywords (rules/keyword-anchor.ts), so the detector tries the pattern only where a keyword
   * starts. Set by the rule loaders with matchReach.
   */
  keywordAnchored?: true;
}

/**
 * An example is either plain text, or text with the path it pretends to live at. The text is a
 * template (src/rules/template.ts): key-shaped parts are written as `{{alnum 36}}` and friends, so
 * that no file holds a string of a real key format.
 */
export type RuleExample = string | { text: string; path: string };

/** A rule as validated from its YAML file, with the examples the test suite runs both ways. */
export type RuleWithExamples = RuleDefinition & { examples: RuleExample[]; negativeExamples: RuleExample[] };

/** The shape of one rules/*.yaml file. */
export interface RuleFile {
  provider: string;
  rules: Array<Omit<RuleDefinition, 'provider'> & { provider?: string }>;
}
