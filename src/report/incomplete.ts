/**
 * How every report says that a scan is incomplete: something the user asked keyguard to look at
 * could not be read (src/sources/coverage.ts couldNotRead), so the result is no all-clear.
 */
import type { ScanSummary } from '../scan-result.js';
import type { SkippedItem } from '../sources/source.js';
import { formatCount } from './human-units.js';
import { printable } from './printable.js';

/** The error codes a read fails with most, in words (the code stays, for searching). */
const CODE_MEANINGS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error',
  ENAMETOOLONG: 'path longer than the system allows',
  ENOENT: 'gone while scanning',
  ELOOP: 'too many symbolic links',
};

/** Unread items the text report and the stderr note name before "and N more". */
const NAMED_ITEMS = 10;

/** `Incomplete: 2 paths could not be read — no secrets can be ruled out there`; null when everything asked for was read. */
export function incompleteHeadline(summary: ScanSummary): string | null {
  if (!summary.incomplete) return null;
  return `Incomplete: ${formatCount(summary.unread.length, 'path')} could not be read — no secrets can be ruled out there`;
}

/** Why one item could not be read: `permission denied (EACCES)`, `blob … is missing from the repository`. */
export function unreadReason(item: SkippedItem): string {
  if (item.detail === undefined) return 'could not be read';
  const meaning = CODE_MEANINGS[item.detail];
  return meaning ? `${meaning} (${item.detail})` : item.detail;
}

/** `src/keys: permission denied (EACCES)`, printable for a terminal. */
export function describeUnread(item: SkippedItem): string {
  return `${printable(item.path)}: ${printable(unreadReason(item))}`;
}

/** The unread items, the first `NAMED_ITEMS` unless `all`, then how many more there are. */
export function unreadLines(summary: ScanSummary, all: boolean): string[] {
  const shown = all ? summary.unread : summary.unread.slice(0, NAMED_ITEMS);
  const more = summary.unread.length - shown.length;
  return [...shown.map(describeUnread), ...(more > 0 ? [`… and ${more} more (--verbose or --format json lists them all)`] : [])];
}

/** One line for stderr, for reports that have no summary of their own for people (compact, JSON, SARIF, --output). */
export function incompleteNote(summary: ScanSummary): string | null {
  const headline = incompleteHeadline(summary);
  if (headline === null) return null;
  const first = summary.unread.slice(0, 3).map(describeUnread);
  const more = summary.unread.length - first.length;
  return `${headline} (${first.join('; ')}${more > 0 ? `; and ${more} more` : ''})`;
}
