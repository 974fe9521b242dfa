import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RawFinding } from '../finding/raw-finding.js';
import { gitStdout } from '../git/run.js';
import type { ScanMode } from '../scan-result.js';

/** An Azure endpoint is looked for near the key, in at most this much of the file. */
const TEXT_LIMIT = 1024 * 1024;

/**
 * The text a finding was found in, read again for the one check that needs more than the key (an
 * Azure endpoint next to it): the file on disk, the blob of the finding's commit, or the index.
 * null when it cannot be read; nothing is written anywhere.
 */
export async function sourceTextOf(finding: RawFinding, root: string, mode: ScanMode): Promise<string | null> {
  try {
    if (finding.commit) return (await gitStdout(root, ['cat-file', 'blob', `${finding.commit.sha}:${finding.file}`])).slice(0, TEXT_LIMIT);
    if (mode === 'staged') return (await gitStdout(root, ['cat-file', 'blob', `:${finding.file}`])).slice(0, TEXT_LIMIT);
    if (mode === 'tree') return (await readFile(join(root, finding.file), 'utf8')).slice(0, TEXT_LIMIT);
    return null;
  } catch {
    return null;
  }
}
