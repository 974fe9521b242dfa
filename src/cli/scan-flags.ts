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
  /**
   * Set when a config file may give this option a default (src/config/schema.ts): the JSON type of
   * its value. The config key is the option's camelCase name (`--fail-on` → `failOn`).
   */
  config?: 'string' | 'number' | 'boolean';
}

/** The camelCase name commander gives an option's value, which is also its config key. */
export function optionKey(spec: FlagSpec): string {
  const long = spec.flags.split(/[ ,]+/).find((part) => part.startsWith('--'))!;
  return long.replace(/^--(no-)?/, '').replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

export const SCAN_FLAGS: readonly FlagSpec[] = [
  { flags: '--format <format>', description: 'report format (compact: one `path:line:col severity rule secret` line per finding)', defaultValue: 'text', choices: ['text', 'compact', 'json', 'sarif'], config: 'string' },
  { flags: '-o, --output <file>', description: 'write the report to a file instead of stdout (the exit code is unchanged)' },
  { flags: '--fail-on <severity>', description: 'exit 1 only for findings at or above this severity ("none" never fails)', defaultValue: 'info', choices: ['info', 'low', 'medium', 'high', 'critical', 'none'], config: 'string' },
  { flags: '--show-secrets', description: 'print secrets in full instead of redacted (never do this in CI logs)' },
  { flags: '--max-file-size <MB>', description: 'skip files (and blobs) larger than this; without it, big files are scanned in windows, in bounded memory', config: 'number' },
  { flags: '--binary', description: 'scan binary files for printable strings (like `strings`) instead of skipping them; binaries inside app bundles always are', config: 'boolean' },
  { flags: '--archive-depth <n>', description: 'open archives (zip, jar, apk, ipa, tar, tgz, gz…) this many levels deep; 0 leaves them unopened', defaultValue: '3', config: 'number' },
  { flags: '--stdin-name <path>', description: 'with `-` (standard input): the path to report, for path-based rules and severities' },
  { flags: '--history', description: 'scan every commit of every ref (branches, tags, remotes, stash) instead of the working tree' },
  { flags: '--since <rev>', description: 'with --history: only commits not reachable from <rev>, or an A..B range (what a pull request adds)' },
  { flags: '--branch <ref>', description: 'with --history: only commits reachable from <ref>' },
  { flags: '--max-commits <n>', description: 'with --history: at most this many commits, newest first' },
  { flags: '--staged', description: 'scan what the next commit adds (the index); for pre-commit hooks' },
  { flags: '--pack [dir]', description: 'scan exactly the files `npm pack` would publish from the package in <dir> (default .), and report env files among them' },
  { flags: '--no-ignore', description: 'also scan files that git ignores (.gitignore, .git/info/exclude, core.excludesFile; .keyguardignore still applies)', config: 'boolean' },
  { flags: '--no-keyguardignore', description: 'do not apply .keyguardignore files', config: 'boolean' },
  { flags: '--respect-ignore-inside', description: 'in a named folder that .gitignore hides (such as dist), still apply the .gitignore files inside it' },
  { flags: '--no-build-output', description: 'leave out ignored build output (dist/, build/, .next/static/ …) that is otherwise scanned because it ships to browsers', config: 'boolean' },
  { flags: '--no-inline-allow', description: 'report findings even where an allow comment (keyguard:allow, gitleaks:allow, …) accepts them; for audits', config: 'boolean' },
  { flags: '--baseline <file>', description: 'report only findings not accepted in this baseline file (made by `keyguard baseline`)', config: 'string' },
  { flags: '--report-unused', description: 'with a baseline: list its entries that match no finding any more (`keyguard baseline --prune` removes them)' },
  { flags: '--config <file>', description: 'use this config file instead of keyguard.config.json / .keyguardrc.json / .keyguardrc.yaml found in the scanned folder or the repository root' },
  { flags: '--verify', description: "ask each key's own provider whether it still works (sends every key found to its provider; off by default, see \"Verifying keys\")", config: 'boolean' },
  { flags: '--results <statuses>', description: 'with --verify: report only findings verified as these, comma-separated: live, revoked, unknown, error (default all; findings without a key are always reported)' },
  { flags: '--verify-timeout <seconds>', description: 'with --verify: how long one request may take', defaultValue: String(VERIFY_DEFAULTS.timeoutSeconds) },
  { flags: '--verify-budget <seconds>', description: 'with --verify: how long all verification may take; keys not checked by then are reported as error', defaultValue: String(VERIFY_DEFAULTS.budgetSeconds) },
  { flags: '--verify-concurrency <n>', description: 'with --verify: requests in flight at once', defaultValue: String(VERIFY_DEFAULTS.concurrency) },
  { flags: '--verify-per-provider <n>', description: 'with --verify: requests in flight at once to one provider', defaultValue: String(VERIFY_DEFAULTS.perProvider) },
  { flags: '--no-color', description: 'plain text output (also when NO_COLOR is set or stdout is not a terminal)', config: 'boolean' },
  { flags: '-q, --quiet', description: 'print findings only: no summary and no progress line', config: 'boolean' },
  { flags: '--verbose', description: 'also list each skipped file (or ignored folder) and why it was skipped', config: 'boolean' },
];
