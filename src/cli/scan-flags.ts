import { VERIFY_DEFAULTS } from '../verify/defaults.js';

/**
 * The `keyguard scan` options, as one table: the CLI builds its flags from it and
 * scripts/readme.js writes the README's option list from it, so the two cannot drift.
 */
export interface FlagSpec {
  flags: string;
  description: string;
  /** Shown in help and the README; also the parsed default where given. */
  defaultValue?: string | boolean;
  choices?: readonly string[];
}

export const SCAN_FLAGS: readonly FlagSpec[] = [
  { flags: '--format <format>', description: 'report format', defaultValue: 'text', choices: ['text', 'json', 'sarif'] },
  { flags: '-o, --output <file>', description: 'write the report to a file instead of stdout (the exit code is unchanged)' },
  { flags: '--fail-on <severity>', description: 'exit 1 only for findings at or above this severity ("none" never fails)', defaultValue: 'info', choices: ['info', 'low', 'medium', 'high', 'critical', 'none'] },
  { flags: '--show-secrets', description: 'print secrets in full instead of redacted (never do this in CI logs)' },
  { flags: '--max-file-size <MB>', description: 'skip files (and blobs) larger than this', defaultValue: '10' },
  { flags: '--history', description: 'scan every commit of every ref (branches, tags, remotes, stash) instead of the working tree' },
  { flags: '--since <rev>', description: 'with --history: only commits not reachable from <rev>, or an A..B range (what a pull request adds)' },
  { flags: '--branch <ref>', description: 'with --history: only commits reachable from <ref>' },
  { flags: '--max-commits <n>', description: 'with --history: at most this many commits, newest first' },
  { flags: '--staged', description: 'scan what the next commit adds (the index); for pre-commit hooks' },
  { flags: '--no-inline-allow', description: 'report findings even where an allow comment (keyguard:allow, gitleaks:allow, …) accepts them; for audits' },
  { flags: '--verify', description: "ask each key's own provider whether it still works (sends every key found to its provider; off by default, see \"Verifying keys\")" },
  { flags: '--results <statuses>', description: 'with --verify: report only findings verified as these, comma-separated: live, revoked, unknown, error (default all; findings without a key are always reported)' },
  { flags: '--verify-timeout <seconds>', description: 'with --verify: how long one request may take', defaultValue: String(VERIFY_DEFAULTS.timeoutSeconds) },
  { flags: '--verify-budget <seconds>', description: 'with --verify: how long all verification may take; keys not checked by then are reported as error', defaultValue: String(VERIFY_DEFAULTS.budgetSeconds) },
  { flags: '--verify-concurrency <n>', description: 'with --verify: requests in flight at once', defaultValue: String(VERIFY_DEFAULTS.concurrency) },
  { flags: '--verify-per-provider <n>', description: 'with --verify: requests in flight at once to one provider', defaultValue: String(VERIFY_DEFAULTS.perProvider) },
  { flags: '--no-color', description: 'plain text output (also when NO_COLOR is set or stdout is not a terminal)' },
  { flags: '-q, --quiet', description: 'print findings only: no summary and no progress line' },
  { flags: '--verbose', description: 'also list skipped files and why they were skipped' },
];
