import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { automatonTable, type AutomatonTable } from './keyword-automaton.js';

/**
 * The built-in rules' keyword automaton, built by scripts/build-rules.js and loaded instead of
 * built on every run. Building it was the largest single step of a pre-commit hook's own work
 * (node --cpu-prof: ~25 ms of CPU for ~330 keywords and ~1,800 states, in code that runs once and
 * so never gets optimised); reading the stored table costs about a millisecond.
 *
 * The file is made at build time from whatever rules exist, never committed. It holds the keywords
 * it was built for, and a table is used only for a keyword list it covers (prefilter.ts), so a
 * stale or foreign file can only cost the rebuild, never a missed keyword.
 */
export const KEYWORD_TABLE_FILE = join(PACKAGE_ROOT, 'dist', 'keyword-table.bin');

/** A table and the keywords it was built for, in the order its keyword indexes refer to. */
export interface KeywordTable extends AutomatonTable {
  keywords: readonly string[];
}

const MAGIC = 'keyguard-keyword-table 1';

/** The byte order typed arrays use on this machine; a table is only read back in the same one. */
const BYTE_ORDER = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';

export function keywordTable(keywords: readonly string[]): KeywordTable {
  return { keywords, ...automatonTable(keywords) };
}

/**
 * Layout: one header line `MAGIC <byte order> <JSON bytes> <states>`, the JSON
 * `{keywords, endings: [state, keyword, length, …]}`, padding to an even offset, then the
 * transitions as raw 16-bit values.
 */
export function writeKeywordTable(file: string, table: KeywordTable): void {
  const endings = table.endings.flatMap((found, state) => found.flatMap(([keyword, length]) => [state, keyword, length]));
  const json = Buffer.from(JSON.stringify({ keywords: table.keywords, endings }), 'utf8');
  const states = table.endings.length;
  const header = Buffer.from(`${MAGIC} ${BYTE_ORDER} ${json.length} ${states}\n`, 'latin1');
  const padding = Buffer.alloc((header.length + json.length) % 2);
  const { buffer, byteOffset, byteLength } = table.transitions;
  writeFileSync(file, Buffer.concat([header, json, padding, Buffer.from(buffer, byteOffset, byteLength)]));
}

/** The table in `file`, or null when it is missing, from another version or byte order, or damaged. */
export function readKeywordTable(file: string): KeywordTable | null {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return null;
  }
  const headerEnd = data.indexOf(0x0a);
  const [magic, version, order, jsonText, statesText] = data.toString('latin1', 0, Math.max(headerEnd, 0)).split(' ');
  if (`${magic} ${version}` !== MAGIC || order !== BYTE_ORDER) return null;
  const jsonLength = Number(jsonText);
  const states = Number(statesText);
  const transitionsStart = headerEnd + 1 + jsonLength + ((headerEnd + 1 + jsonLength) % 2);
  if (!Number.isInteger(jsonLength) || !Number.isInteger(states) || states < 1 || data.length !== transitionsStart + states * 512) return null;
  try {
    const parsed = JSON.parse(data.toString('utf8', headerEnd + 1, headerEnd + 1 + jsonLength)) as { keywords: string[]; endings: number[] };
    // A view of the file's bytes, not a copy: touching another ~900 KB of fresh memory costs a few
    // milliseconds of page faults. (The contents are not checked value by value, which would cost
    // more than building; a damaged dist/ folder can break keyguard in many ways, and a state out
    // of range here only makes the scan lose its place in the table, not crash.)
    const transitions =
      (data.byteOffset + transitionsStart) % 2 === 0
        ? new Uint16Array(data.buffer, data.byteOffset + transitionsStart, states * 256)
        : new Uint16Array(Uint8Array.prototype.slice.call(data, transitionsStart).buffer);
    const endings: KeywordTable['endings'] = Array.from({ length: states }, () => []);
    const { keywords } = parsed;
    for (let at = 0; at < parsed.endings.length; at += 3) {
      const [state, keyword, length] = [parsed.endings[at]!, parsed.endings[at + 1]!, parsed.endings[at + 2]!];
      if (!(state < states && keyword < keywords.length && length > 0)) return null;
      endings[state]!.push([keyword, length]);
    }
    return { keywords, transitions, endings };
  } catch {
    return null;
  }
}

let builtin: KeywordTable | null | undefined;

/** The stored table of the built-in rules (read once per thread), or null when there is none. */
export function builtinKeywordTable(): KeywordTable | null {
  if (builtin === undefined) builtin = readKeywordTable(KEYWORD_TABLE_FILE);
  return builtin;
}
