import type { SkippedItem } from '../../sources/source.js';
import type { ContentItem } from '../item.js';

/**
 * What an archive handler yields, in entry order. The consumer scans (or discards) each entry's
 * bytes before asking for the next: archives are read front to back, one entry at a time.
 */
export type ArchiveEvent = { entry: ContentItem } | { skipped: SkippedItem } | { warning: string };

export { innerPath } from '../../finding/archive-path.js';
