import { lstatSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { printable } from '../report/printable.js';
import { isKeyguardReport } from '../report/recognise.js';
import { insideAny, linkDestination } from './link-destination.js';
import { writeFileAtomic } from './write-atomic.js';

/** A bigger file at the --output path is not read to tell whether it is an earlier report. */
const MAX_REPORT_CHECK_BYTES = 16 * 1024 * 1024;

/**
 * The file `--output` names, before and after the scan. A tree scan never reads it (an earlier
 * report is keyguard's own output, not input: `isThisFile`), and a file the scan would have read
 * is replaced only when it is an earlier keyguard report: `--output src/app.js` is refused
 * instead of destroying the file, while the README's CI recipe, which writes keyguard.sarif into
 * the checkout it scans, keeps working on every re-run.
 */
export class ReportFile {
  private readonly target: string;
  /** The regular file at the path when the run started (a link is replaced, never written through). */
  private readonly existing: { dev: number; ino: number } | null;
  private metInScan = false;

  constructor(readonly output: string) {
    this.target = resolve(output);
    this.existing = regularFileAt(this.target);
  }

  /** True for the file this report will replace; the scan leaves it out. */
  readonly isThisFile = (absolutePath: string): boolean => {
    if (this.existing === null || basename(absolutePath) !== basename(this.target)) return false;
    let stats;
    try {
      stats = statSync(absolutePath);
    } catch {
      return false;
    }
    const same = stats.dev === this.existing.dev && stats.ino === this.existing.ino;
    if (same) this.metInScan = true;
    return same;
  };

  write(report: string): void {
    if (this.metInScan && !holdsKeyguardReport(this.target)) {
      throw new UsageError(`refusing to write ${printable(this.output)}: it is a file the scan reads and not an earlier keyguard report (choose another --output)`);
    }
    writeReportFile(this.output, report);
  }
}

function regularFileAt(path: string): { dev: number; ino: number } | null {
  try {
    const stats = lstatSync(path);
    return stats.isFile() ? { dev: stats.dev, ino: stats.ino } : null;
  } catch {
    return null;
  }
}

function holdsKeyguardReport(path: string): boolean {
  try {
    return statSync(path).size <= MAX_REPORT_CHECK_BYTES && isKeyguardReport(readFileSync(path, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * Writes a report where `--output` says, safely: a scanned repository may hold a symbolic link
 * at that name (the README's CI recipe writes `keyguard.sarif` in the checkout), so a link that
 * leads outside the folder the report goes to is refused rather than followed; the write itself
 * is atomic (temp file + rename), so a killed run never leaves a half report in place of the last.
 * The rename replaces a link inside the folder with the report instead of writing through it.
 */
export function writeReportFile(output: string, report: string): void {
  const target = resolve(output);
  const leadsTo = linkDestination(target);
  if (leadsTo !== null && !insideAny(leadsTo, [dirname(target)])) {
    throw new UsageError(`refusing to write ${printable(output)}: it is a symbolic link that leads outside its folder (remove it or choose another --output)`);
  }
  try {
    writeFileAtomic(target, report);
  } catch (error) {
    throw new UsageError(`cannot write ${printable(output)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
