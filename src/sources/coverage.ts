import { KeyguardError } from '../errors.js';
import { SKIP_REASON_LABELS, type SkippedItem, type SourceStats } from './source.js';

/**
 * The paths held files but not one of them was scanned: reporting "no secrets found" then would
 * be an all-clear for something keyguard never looked at.
 */
export class NothingScannedError extends KeyguardError {
  override name = 'NothingScannedError';
}

/** What to try, by the reason the first skipped item gives. */
const HINTS: Partial<Record<SkippedItem['reason'], string>> = {
  gitignore: '--no-ignore scans ignored files',
  'too-large': '--max-file-size raises the limit',
};

/**
 * Throws when nothing was scanned although something was there to scan. Paths that .keyguardignore
 * exempts do not count: the user chose to leave them out (a lint-staged run that passes only
 * exempted files is a clean run). An empty folder is a clean scan.
 */
export function assertSomethingScanned(stats: SourceStats, paths: readonly string[]): void {
  if (stats.filesScanned > 0) return;
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
