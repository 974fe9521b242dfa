import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { printable } from '../report/printable.js';
import { pathInside } from '../sources/path-inside.js';
import { writeFileAtomic } from './write-atomic.js';

/**
 * Writes a report where `--output` says, safely: a scanned repository may hold a symbolic link
 * at that name (the README's CI recipe writes `keyguard.sarif` in the checkout), so a link that
 * leads outside the folder the report goes to is refused rather than followed; the write itself
 * is atomic (temp file + rename), so a killed run never leaves a half report in place of the last.
 * The rename replaces a link inside the folder with the report instead of writing through it.
 */
export function writeReportFile(output: string, report: string): void {
  const target = resolve(output);
  let isLink = false;
  try {
    isLink = lstatSync(target).isSymbolicLink();
  } catch {
    // nothing there yet
  }
  if (isLink) {
    const folder = realpathSync(dirname(target));
    let leadsTo: string;
    try {
      leadsTo = realpathSync(target);
    } catch {
      leadsTo = resolve(folder, readlinkSync(target)); // a dangling link: where it would lead
    }
    if (pathInside(folder, leadsTo) === null) {
      throw new UsageError(`refusing to write ${printable(output)}: it is a symbolic link that leads outside its folder (remove it or choose another --output)`);
    }
  }
  try {
    writeFileAtomic(target, report);
  } catch (error) {
    throw new UsageError(`cannot write ${printable(output)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
