import { printable } from '../report/printable.js';
import { ReportFile } from '../fs/report-file.js';
import { isSeverity, severityRank, type Severity } from '../finding/finding.js';
import { UsageError } from '../errors.js';
import { formatReport, type ReportFormat } from '../report/index.js';
import { sarifLimitWarning } from '../report/sarif.js';
import { failOnNote } from '../report/text.js';
import { incompleteNote } from '../report/incomplete.js';
import { withConfigDefaults } from '../config/defaults.js';
import { scan, scanRoot, type HistoryScanOptions, type ScanOptions } from '../scan.js';
import type { ScanResult } from '../scan-result.js';
import { progressPrinter } from './progress.js';
import { VERIFICATION_STATUSES, type VerificationStatus, type VerifyOptions } from '../verify/types.js';

export interface ScanFlags {
  format: ReportFormat;
  output?: string;
  failOn: Severity | 'none';
  showSecrets?: boolean;
  maxFileSize?: string;
  binary?: boolean;
  archiveDepth: string;
  stdinName?: string;
  history?: boolean;
  since?: string;
  branch?: string;
  maxCommits?: string;
  staged?: boolean;
  color: boolean;
  inlineAllow: boolean;
  pack?: string | true;
  ignore: boolean;
  keyguardignore: boolean;
  respectIgnoreInside?: boolean;
  buildOutput: boolean;
  quiet?: boolean;
  verbose?: boolean;
  config?: string;
  baseline?: string;
  reportUnused?: boolean;
  verify?: boolean;
  results?: string;
  verifyTimeout: string;
  verifyBudget: string;
  verifyConcurrency: string;
  verifyPerProvider: string;
}

/** Decimal digits only: Number() would also take 0x10, 1e3, " 5" and "". */
function positiveNumber(value: string, flag: string, integer: boolean): number {
  const number = Number(value);
  const decimal = integer ? /^\d+$/ : /^\d+(?:\.\d+)?$/;
  if (!decimal.test(value) || !Number.isFinite(number) || number <= 0) {
    throw new UsageError(`${flag} expects a positive ${integer ? 'whole ' : ''}number, got "${value}"`);
  }
  return number;
}

function wholeNumber(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} expects a whole number, got "${value}"`);
  return Number(value);
}

function historyOptions(flags: ScanFlags): HistoryScanOptions | boolean {
  const narrowing = flags.since !== undefined || flags.branch !== undefined || flags.maxCommits !== undefined;
  if (!flags.history) {
    if (narrowing) throw new UsageError('--since, --branch and --max-commits only apply with --history');
    return false;
  }
  const options: HistoryScanOptions = {};
  if (flags.since?.includes('..')) options.range = flags.since;
  else if (flags.since !== undefined) options.since = flags.since;
  if (flags.branch !== undefined) options.branch = flags.branch;
  if (flags.maxCommits !== undefined) options.maxCommits = positiveNumber(flags.maxCommits, '--max-commits', true);
  return options;
}

/**
 * `--verify` and its options. Verification is off unless asked for, also for --staged (the
 * pre-commit hook). The testing hook's variable is checked before anything is scanned.
 */
/**
 * `--verify` sends keys over the network: a pre-commit hook (`--staged`) verifies only when the
 * command line asks, never because a config file's `verify` says so.
 */
async function verifyOptions(flags: ScanFlags, verifyOnCommandLine: boolean): Promise<VerifyOptions | false> {
  if (!flags.verify || (flags.staged === true && !verifyOnCommandLine)) {
    if (flags.results !== undefined) throw new UsageError('--results only applies with --verify');
    return false;
  }
  const { verifyBaseUrl } = await import('../verify/base-url.js');
  verifyBaseUrl();
  const results = flags.results?.split(',').map((status) => status.trim()).filter(Boolean);
  for (const status of results ?? []) {
    if (!(VERIFICATION_STATUSES as readonly string[]).includes(status)) {
      throw new UsageError(`--results: unknown status "${status}" (expected ${VERIFICATION_STATUSES.join(', ')})`);
    }
  }
  return {
    timeoutMs: positiveNumber(flags.verifyTimeout, '--verify-timeout', false) * 1000,
    budgetMs: positiveNumber(flags.verifyBudget, '--verify-budget', false) * 1000,
    concurrency: positiveNumber(flags.verifyConcurrency, '--verify-concurrency', true),
    perProvider: positiveNumber(flags.verifyPerProvider, '--verify-per-provider', true),
    ...(results && { results: results as VerificationStatus[] }),
  };
}

/** True when some finding is at or above the --fail-on severity. */
function failsBuild(result: ScanResult, failOn: Severity | 'none'): boolean {
  if (failOn === 'none') return false;
  return result.findings.some((finding) => severityRank(finding.severity) >= severityRank(failOn));
}

export async function runScanCommand(paths: string[], commandLine: ScanFlags, onCommandLine: (key: string) => boolean = () => true): Promise<number> {
  // The config file gives defaults to the options not on the command line (src/config/defaults.ts).
  const { loadConfigFor } = await import('../config/load.js');
  const config = await loadConfigFor(scanRoot(paths.length > 0 ? paths : ['.']), commandLine.config);
  const flags = config ? withConfigDefaults(commandLine, config, onCommandLine) : commandLine;
  if (flags.reportUnused && flags.baseline === undefined) throw new UsageError('--report-unused needs a baseline (--baseline FILE or the config\'s "baseline")');
  if (flags.failOn !== 'none' && !isSeverity(flags.failOn)) throw new UsageError(`unknown severity "${flags.failOn}"`);
  const showProgress = !flags.quiet && process.stderr.isTTY === true;
  const options: ScanOptions = {
    paths,
    history: historyOptions(flags),
    staged: flags.staged === true,
    showSecrets: flags.showSecrets === true,
    inlineAllow: flags.inlineAllow !== false,
    gitignore: flags.ignore !== false,
    keyguardignore: flags.keyguardignore !== false,
    respectIgnoreInside: flags.respectIgnoreInside === true,
    buildOutput: flags.buildOutput !== false,
    ...(flags.pack !== undefined && { pack: flags.pack === true ? '.' : flags.pack }),
    config: config ?? false,
    ...(flags.baseline !== undefined && { baseline: flags.baseline }),
    reportUnusedBaseline: flags.reportUnused === true,
    binary: flags.binary === true,
    archiveDepth: wholeNumber(flags.archiveDepth, '--archive-depth'),
    verify: await verifyOptions(flags, onCommandLine('verify')),
  };
  if (flags.maxFileSize !== undefined) options.maxFileSize = positiveNumber(flags.maxFileSize, '--max-file-size', false) * 1024 * 1024;
  if (flags.stdinName !== undefined) options.stdinName = flags.stdinName;
  const reportFile = flags.output !== undefined ? new ReportFile(flags.output) : null;
  if (reportFile) options.isOwnOutput = reportFile.isThisFile;
  const progress = showProgress ? progressPrinter(process.stderr) : null;
  if (progress) options.onProgress = progress.update;
  let result: ScanResult;
  try {
    result = await scan(options);
  } finally {
    progress?.clear();
  }

  const toTerminal = flags.output === undefined && process.stdout.isTTY === true;
  const color = flags.color !== false && toTerminal && !process.env.NO_COLOR;
  const quietAndClean = flags.quiet === true && result.findings.length === 0 && !result.summary.incomplete && flags.format === 'text';
  const report = quietAndClean ? '' : formatReport(result, flags.format, { color, verbose: flags.verbose === true, failOn: flags.failOn });
  // The text summary says these itself; compact has no summary and SARIF goes to a tool, so the
  // person reading the log hears it on stderr. JSON carries its own summary for scripts.
  const notes = [flags.format === 'compact' ? failOnNote(result.summary, flags.failOn) : null, flags.format === 'sarif' ? sarifLimitWarning(result) : null];
  for (const note of notes) if (note !== null && !flags.quiet) process.stderr.write(`keyguard: ${note}\n`);
  // Exit 3 needs its reason where a person sees it, even with --quiet, whatever the report's format.
  const incomplete = flags.format !== 'text' || reportFile ? incompleteNote(result.summary) : null;
  if (incomplete !== null) process.stderr.write(`keyguard: ${incomplete}\n`);
  if (reportFile) {
    reportFile.write(report);
    if (!flags.quiet) process.stderr.write(`keyguard: ${result.findings.length} finding(s); report written to ${printable(reportFile.output)}\n`);
  } else {
    process.stdout.write(report);
  }
  return exitCode(result, flags.failOn);
}

/**
 * 1 when a finding reaches --fail-on; else 3 when something could not be read (never a clean 0 for
 * what keyguard did not see); else 0. 2 (usage, config or internal error) is thrown, not returned.
 */
function exitCode(result: ScanResult, failOn: Severity | 'none'): number {
  if (failsBuild(result, failOn)) return 1;
  return result.summary.incomplete ? 3 : 0;
}
