import { join } from 'node:path';
import { loadConfigFor } from '../config/load.js';
import { incompleteNote } from '../report/incomplete.js';
import { printable } from '../report/printable.js';
import type { ScanResult } from '../scan-result.js';
import { scan, scanRoot, type ScanOptions } from '../scan.js';
import { DEFAULT_BASELINE_FILE, normalizeEntries, readBaseline, writeBaseline } from '../suppress/baseline.js';

export interface BaselineFlags {
  history?: boolean;
  output?: string;
  prune?: boolean;
  config?: string;
}

/**
 * `keyguard baseline [--history] [paths]`: scans and writes every finding's baseline entry (to
 * --output, else the config's `baseline`, else .keyguard-baseline.json in the scanned folder), so
 * later scans with --baseline report only new findings. `--prune` instead keeps the existing
 * baseline's entries that still match a finding, and adds none.
 */
export async function runBaselineCommand(paths: string[], flags: BaselineFlags): Promise<number> {
  const root = scanRoot(paths.length > 0 ? paths : ['.']);
  const config = await loadConfigFor(root, flags.config);
  const configured = config?.options.baseline as string | undefined;
  const file = flags.output ?? configured ?? join(root, DEFAULT_BASELINE_FILE);
  const common: ScanOptions = { paths, history: flags.history === true, config: config ?? false };
  if (flags.prune) {
    const entries = readBaseline(file);
    const result = await scan({ ...common, baseline: file });
    if (refusedAsIncomplete(result, file)) return 3;
    const unused = new Set(result.baseline!.unused.map((entry) => JSON.stringify(entry)));
    const kept = entries.filter((entry) => !unused.has(JSON.stringify(entry)));
    writeBaseline(file, kept, root);
    process.stderr.write(`keyguard: ${printable(file)}: removed ${entries.length - kept.length} unused entr${entries.length - kept.length === 1 ? 'y' : 'ies'}, ${normalizeEntries(kept).length} kept\n`);
    return 0;
  }
  const result = await scan({ ...common, baseline: false, recordBaseline: true });
  if (refusedAsIncomplete(result, file)) return 3;
  const entries = normalizeEntries(result.baseline!.entries);
  writeBaseline(file, entries, root);
  process.stderr.write(`keyguard: ${printable(file)}: ${entries.length} accepted finding(s); scan with --baseline ${printable(file)} to report only new ones\n`);
  return 0;
}

/**
 * A baseline made from a scan that could not read everything would drop the entries of what it
 * did not see (--prune would call them unused), so it is not written; exit 3 as for `scan`.
 */
function refusedAsIncomplete(result: ScanResult, file: string): boolean {
  const note = incompleteNote(result.summary);
  if (note === null) return false;
  process.stderr.write(`keyguard: ${note}\nkeyguard: ${printable(file)} was not written\n`);
  return true;
}
