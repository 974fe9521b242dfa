import { printable } from '../report/printable.js';
import { writeFileSync } from 'node:fs';
import { isSeverity, severityRank, type Severity } from '../finding/finding.js';
import { UsageError } from '../errors.js';
import { formatReport, type ReportFormat } from '../report/index.js';
import { scan, type HistoryScanOptions, type ScanOptions } from '../scan.js';
import type { ScanResult } from '../scan-result.js';
import { progressPrinter } from './progress.js';

export interface ScanFlags {
  format: ReportFormat;
  output?: string;
  failOn: Severity | 'none';
  showSecrets?: boolean;
  maxFileSize: string;
  history?: boolean;
  since?: string;
  branch?: string;
  maxCommits?: string;
  staged?: boolean;
  color: boolean;
  inlineAllow: boolean;
  quiet?: boolean;
  verbose?: boolean;
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

/** True when some finding is at or above the --fail-on severity. */
function failsBuild(result: ScanResult, failOn: Severity | 'none'): boolean {
  if (failOn === 'none') return false;
  return result.findings.some((finding) => severityRank(finding.severity) >= severityRank(failOn));
}

export async function runScanCommand(paths: string[], flags: ScanFlags): Promise<number> {
  if (flags.failOn !== 'none' && !isSeverity(flags.failOn)) throw new UsageError(`unknown severity "${flags.failOn}"`);
  const showProgress = !flags.quiet && process.stderr.isTTY === true;
  const options: ScanOptions = {
    paths,
    history: historyOptions(flags),
    staged: flags.staged === true,
    showSecrets: flags.showSecrets === true,
    inlineAllow: flags.inlineAllow !== false,
    maxFileSize: positiveNumber(flags.maxFileSize, '--max-file-size', false) * 1024 * 1024,
  };
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
  const quietAndClean = flags.quiet === true && result.findings.length === 0 && flags.format === 'text';
  const report = quietAndClean ? '' : formatReport(result, flags.format, { color, verbose: flags.verbose === true });
  if (flags.output !== undefined) {
    try {
      writeFileSync(flags.output, report);
    } catch (error) {
      throw new UsageError(`cannot write ${flags.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    if (!flags.quiet) process.stderr.write(`keyguard: ${result.findings.length} finding(s); report written to ${printable(flags.output)}\n`);
  } else {
    process.stdout.write(report);
  }
  return failsBuild(result, flags.failOn) ? 1 : 0;
}
