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
  { flags: '--max-file-size <MB>', description: 'skip files (and blobs) larger than this; without it, big files are scanned in windows, in bounded memory' },
  { flags: '--binary', description: 'scan binary files for printable strings (like `strings`) instead of skipping them; binaries inside app bundles always are' },
  { flags: '--archive-depth <n>', description: 'open archives (zip, jar, apk, ipa, tar, tgz, gz…) this many levels deep; 0 leaves them unopened', defaultValue: '3' },
  { flags: '--stdin-name <path>', description: 'with `-` (standard input): the path to report, for path-based rules and severities' },
  { flags: '--history', description: 'scan every commit of every ref (branches, tags, remotes, stash) instead of the working tree' },
  { flags: '--since <rev>', description: 'with --history: only commits not reachable from <rev>, or an A..B range (what a pull request adds)' },
  { flags: '--branch <ref>', description: 'with --history: only commits reachable from <ref>' },
  { flags: '--max-commits <n>', description: 'with --history: at most this many commits, newest first' },
  { flags: '--staged', description: 'scan what the next commit adds (the index); for pre-commit hooks' },
  { flags: '--no-inline-allow', description: 'report findings even where an allow comment (keyguard:allow, gitleaks:allow, …) accepts them; for audits' },
  { flags: '--no-color', description: 'plain text output (also when NO_COLOR is set or stdout is not a terminal)' },
  { flags: '-q, --quiet', description: 'print findings only: no summary and no progress line' },
  { flags: '--verbose', description: 'also list skipped files and why they were skipped' },
];
