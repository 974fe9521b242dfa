import { KeyguardError } from '../errors.js';
import { SKIP_REASON_LABELS, type SkippedItem, type SourceStats } from './source.js';

/**
 * The paths held files but not one of them was scanned: reporting "no secrets found" then would
 * be an all-clear for something keyguard never looked at.
 */
export class NothingScannedError extends KeyguardError {
  override name = 'NothingScannedError';
}

/**
 * Why an item was not scanned, in two kinds. `policy`: a choice made by the user's flags and
 * ignore files, or a limit against hostile input (binary, too large, ignored, archive limits,
 * encrypted entries, a FIFO met in a folder): counted in the summary, the scan is still complete.
 * `unread`: keyguard was asked to look there and could not (EACCES, EIO, ENAMETOOLONG, a missing
 * git object, a broken archive entry): the result is incomplete, and no report may read as an
 * all-clear (exit 3, SARIF executionSuccessful false). A Record, so a new reason needs a decision.
 */
const SKIP_KINDS: Record<SkippedItem['reason'], 'policy' | 'unread'> = {
  binary: 'policy',
  'too-large': 'policy',
  gitignore: 'policy',
  keyguardignore: 'policy',
  'not-a-file': 'policy',
  'archive-depth': 'policy',
  'archive-limit': 'policy',
  encrypted: 'policy',
  unreadable: 'unread',
  'symlink-loop': 'unread',
};

/** True when the item is something keyguard was asked to read and could not. */
export function couldNotRead(item: SkippedItem): boolean {
  return SKIP_KINDS[item.reason] === 'unread';
}

/** What to try, by the reason the first skipped item gives. */
const HINTS: Partial<Record<SkippedItem['reason'], string>> = {
  gitignore: '--no-ignore scans ignored files',
  'too-large': '--max-file-size raises the limit',
};

/**
 * Throws when nothing was scanned although something was there to scan. Paths that .keyguardignore
 * exempts do not count: the user chose to leave them out (a lint-staged run that passes only
 * exempted files is a clean run). An empty folder is a clean scan. Paths that could not be read
 * are not this error but an incomplete result (couldNotRead).
 */
export function assertSomethingScanned(stats: SourceStats, paths: readonly string[]): void {
  // Something that could not be read makes the result incomplete, which every report says (exit 3).
  if (stats.filesScanned > 0 || stats.skipped.some(couldNotRead)) return;
  // A FIFO, socket or device holds nothing to scan, like an empty folder; .keyguardignore was the user's choice.
  const notScanned = stats.skipped.filter((item) => item.reason !== 'keyguardignore' && item.reason !== 'not-a-file');
  const [first] = notScanned;
  if (!first) return;
  const counts = new Map<SkippedItem['reason'], number>();
  for (const item of notScanned) counts.set(item.reason, (counts.get(item.reason) ?? 0) + 1);
  const reasons = [...counts].map(([reason, count]) => `${count} ${SKIP_REASON_LABELS[reason]}`).join(', ');
  const hint = HINTS[first.reason];
  throw new NothingScannedError(
    `nothing was scanned in ${paths.join(' ')}: ${reasons} (${first.path}: ${SKIP_REASON_LABELS[first.reason]})${hint ? `; ${hint}` : ''}`,
  );
}
