import type { Severity } from '../finding/finding.js';
import type { RuleWithExamples } from '../rules/types.js';

/** Values accepted for one rule or for all: a secret a regex matches or that holds a stopword. */
export interface ValueAllowlist {
  regexes: RegExp[];
  /** Lower-cased. */
  stopwords: string[];
}

/** What a config says about one rule (`ruleSettings.<id>`, plus `disableRules`). */
export interface RuleSettings {
  enabled: boolean;
  severity?: Severity;
  /** gitignore patterns: the rule runs only on these paths. */
  paths?: string[];
  /** gitignore patterns: the rule does not run on these paths. */
  excludePaths?: string[];
  allowlist?: ValueAllowlist;
}

/** A config file, validated and ready to use (see load.ts). */
export interface KeyguardConfig {
  /** The file it came from, as the user named it or as found. */
  file: string;
  /** Its folder: paths in the config are relative to it. */
  dir: string;
  /** Custom rules (examples kept, for `keyguard rules check`). */
  rules: RuleWithExamples[];
  ruleSettings: Map<string, RuleSettings>;
  /** gitignore patterns of paths whose findings are accepted. */
  allowPaths: string[];
  allowlist: ValueAllowlist;
  /** Defaults for scan options, by option key (`failOn`, `format` …); `baseline` made absolute. */
  options: Record<string, string | number | boolean>;
}
