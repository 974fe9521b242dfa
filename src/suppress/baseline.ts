import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { KeyguardError } from '../errors.js';
import { parseJsonText } from '../fs/json-text.js';
import { insideAny, linkDestination } from '../fs/link-destination.js';
import { writeFileAtomic } from '../fs/write-atomic.js';

/**
 * A baseline: the findings a team has accepted (old keys already rotated, test fixtures), so a scan
 * reports only new ones. `keyguard baseline` writes it; `keyguard scan --baseline FILE` applies it.
 *
 * An entry is a rule, a path and a keyed hash of the secret (src/finding/fingerprint.ts
 * `secretHashOf`; never the secret), with no line number and no date, and entries are sorted, one
 * per line: moving code does not change the file, and two branches that accept different findings
 * add different lines. A finding is accepted when an entry has its rule, path and secret hash, so
 * the same secret on another line of the same file stays accepted and a different secret on an
 * accepted line is new. A renamed file: an entry also accepts its rule and secret at another path
 * when the entry's own path no longer exists under the scanned folder.
 *
 * The hash is keyed per repository (its root commit's tree, or KEYGUARD_FINGERPRINT_KEY): a baseline is
 * made and used in the same repository with the same key, from the same folder (the paths are
 * relative to the scanned folder).
 */

export const DEFAULT_BASELINE_FILE = '.keyguard-baseline.json';
const FORMAT_VERSION = 1;

export interface BaselineEntry {
  rule: string;
  path: string;
  secretHash: string;
}

export class BaselineError extends KeyguardError {
  override name = 'BaselineError';
}

const identity = (entry: BaselineEntry): string => `${entry.rule}\0${entry.path}\0${entry.secretHash}`;

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.secretHash < b.secretHash ? -1 : a.secretHash > b.secretHash ? 1 : 0;
}

/** Sorted, without duplicates. */
export function normalizeEntries(entries: readonly BaselineEntry[]): BaselineEntry[] {
  const unique = new Map(entries.map((entry) => [identity(entry), { rule: entry.rule, path: entry.path, secretHash: entry.secretHash }]));
  return [...unique.values()].sort(compareEntries);
}

/** Stable text: the same entries always give the same bytes, one entry per line. */
export function formatBaseline(entries: readonly BaselineEntry[]): string {
  const lines = normalizeEntries(entries).map((entry) => `    ${JSON.stringify(entry)}`);
  return `{\n  "keyguardBaseline": ${FORMAT_VERSION},\n  "entries": [${lines.length > 0 ? `\n${lines.join(',\n')}\n  ` : ''}]\n}\n`;
}

/**
 * Writes the baseline atomically. A symbolic link at its path is followed only when it leads into
 * its own folder or the scanned one (`root`): a link committed in a scanned repository must not
 * redirect the write to a file of the user's elsewhere.
 */
export function writeBaseline(file: string, entries: readonly BaselineEntry[], root: string): void {
  const leadsTo = linkDestination(file);
  if (leadsTo !== null && !insideAny(leadsTo, [dirname(resolve(file)), root])) {
    throw new BaselineError(`refusing to write baseline ${file}: it is a symbolic link that leads outside its folder and the scanned one`);
  }
  try {
    writeFileAtomic(leadsTo ?? file, formatBaseline(entries));
  } catch (error) {
    throw new BaselineError(`cannot write baseline ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function isEntry(value: unknown): value is BaselineEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.rule === 'string' && typeof entry.path === 'string' && typeof entry.secretHash === 'string' && Object.keys(entry).length === 3;
}

export function readBaseline(file: string): BaselineEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BaselineError(`cannot read baseline ${file}: ${code ?? (error as Error).message}${code === 'ENOENT' ? ' (make one with keyguard baseline)' : ''}`);
  }
  let parsed: unknown;
  try {
    parsed = parseJsonText(text);
  } catch (error) {
    throw new BaselineError(`cannot read baseline ${file}: invalid JSON (${(error as Error).message})`);
  }
  const baseline = parsed as { keyguardBaseline?: unknown; entries?: unknown };
  if (baseline?.keyguardBaseline !== FORMAT_VERSION || !Array.isArray(baseline.entries)) {
    throw new BaselineError(`${file}: not a keyguard baseline (expected {"keyguardBaseline": ${FORMAT_VERSION}, "entries": [...]})`);
  }
  baseline.entries.forEach((entry, index) => {
    if (!isEntry(entry)) throw new BaselineError(`${file}: entries[${index}]: expected {"rule", "path", "secretHash"} strings`);
  });
  return baseline.entries as BaselineEntry[];
}

/** Answers "is this finding accepted?" and remembers which entries did accept something. */
export class BaselineMatcher {
  private readonly exact = new Map<string, number>();
  private readonly bySecret = new Map<string, number[]>();
  private readonly used = new Set<number>();

  constructor(
    readonly entries: readonly BaselineEntry[],
    private readonly root: string,
  ) {
    entries.forEach((entry, index) => {
      this.exact.set(identity(entry), index);
      const key = `${entry.rule}\0${entry.secretHash}`;
      this.bySecret.set(key, [...(this.bySecret.get(key) ?? []), index]);
    });
  }

  accepts(candidate: BaselineEntry): boolean {
    const exact = this.exact.get(identity(candidate));
    if (exact !== undefined) {
      this.used.add(exact);
      return true;
    }
    const moved = (this.bySecret.get(`${candidate.rule}\0${candidate.secretHash}`) ?? []).find((index) => !existsSync(resolve(this.root, this.entries[index]!.path)));
    if (moved === undefined) return false;
    this.used.add(moved);
    return true;
  }

  /** Entries that accepted no finding in this scan. */
  unused(): BaselineEntry[] {
    return this.entries.filter((_, index) => !this.used.has(index));
  }
}
