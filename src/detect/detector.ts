import type { Chunk, WindowPlacement } from '../sources/chunk.js';
import type { RawFinding } from '../finding/raw-finding.js';
import type { CompiledRule } from '../rules/compile.js';
import { inlineAllowFor, mayHoldDirective } from '../suppress/inline-allow.js';
import { shannonEntropy } from './entropy.js';
import { clientExposure } from './exposure.js';
import { hasJwtClaims } from './jwt.js';
import { findDroppingFilter } from './filters/index.js';
import { LineIndex } from './location.js';
import { Prefilter } from './prefilter.js';
import { windowsAround, type TextWindow } from './windows.js';
import { DECODING_MARKERS, encodedRegions, MAX_DECODING_DEPTH, type EncodedRegion, type Encoding } from './decode/index.js';
import { historyRemedy, remedyFor } from '../finding/remedy.js';
import { isEnvFile, isEnvTemplate } from '../hygiene/env-files.js';
import { shortSha } from '../finding/short-sha.js';

/** Characters of real text shown to a rule's regex beyond each window (see collectHits). */
const LOOK_MARGIN = 256;
/** Characters of the encoded value's line, either side, scanned along with its decoded form. */
const DECODED_CONTEXT = 256;

type PrefilterHits = ReturnType<Prefilter['scan']>;

/**
 * The per-run input cap: one regex run sees at most SEGMENT_LENGTH characters where its matches may
 * start, plus MAX_MATCH_LENGTH after them and LOOK_MARGIN on both sides. Whatever a pattern's
 * complexity, no single line or window can make one run take longer than a run over this many
 * characters; the price is that a match longer than MAX_MATCH_LENGTH (no real key is) is not found.
 * SEGMENT_LENGTH is large next to the trailing characters because a run that finds nothing reads
 * all of them too, and the next run reads them again (see collectHits).
 */
const SEGMENT_LENGTH = 32_768;
const MAX_MATCH_LENGTH = 4096;
/** The most a run's regex is shown after the last place a match may start (a bounded pattern gets its matchReach). */
const TRAILING = MAX_MATCH_LENGTH + LOOK_MARGIN;
/** The most characters one regex run is given. */
export const MAX_RUN_INPUT = SEGMENT_LENGTH + MAX_MATCH_LENGTH + 2 * LOOK_MARGIN;

/** How much regex work a Detector has done: runs, and the most characters one run was given. */
export interface DetectorWork {
  runs: number;
  characters: number;
  longestRun: number;
}

/** A match that passed its rule's checks, before it becomes a Finding. */
interface Hit {
  rule: CompiledRule;
  start: number;
  end: number;
  /** As decoded from latin1; converted to UTF-8 only for the finding. */
  secret: string;
  /** The encodings the secret was found behind, outermost first; empty when it is in plain sight. */
  decodedFrom: Encoding[];
}

/**
 * Chunk in, RawFindings out; no I/O. Built once per run (or per worker) from the compiled rules so
 * that every chunk reuses the same regexes and prefilter.
 */
export class Detector {
  private readonly prefilter: Prefilter;
  /**
   * Generic rules whose keywords are the secret words of names (key, token, pass, basic …), none
   * with keywords all held by another: where their keywords are found, base64 values are looked for.
   */
  private readonly nameRules: readonly CompiledRule[];
  /**
   * Rules with the same keywords and reach get the same windows: the generic rules share `key`,
   * `token`, `secret` … and their windows were computed once per rule before.
   */
  private readonly windowKey: ReadonlyMap<CompiledRule, string>;

  /** Counted so that tests can show the work grows linearly with the input (test/detect/redos.test.ts). */
  readonly work: DetectorWork = { runs: 0, characters: 0, longestRun: 0 };

  constructor(private readonly rules: readonly CompiledRule[]) {
    this.prefilter = new Prefilter(rules, DECODING_MARKERS);
    const namedBy = rules.filter((rule) => rule.generic && rule.keywords.every((keyword) => /^[a-z]+$/.test(keyword)));
    this.nameRules = namedBy.filter(
      (rule) => !namedBy.some((other) => other.keywords.length > rule.keywords.length && rule.keywords.every((keyword) => other.keywords.includes(keyword))),
    );
    this.windowKey = new Map(rules.map((rule) => [rule, `${rule.reach} ${[...rule.keywords].sort().join(' ')}`]));
  }

  detect(chunk: Chunk): RawFinding[] {
    const found = this.prefilter.scan(chunk.content);
    // Decoding is only tried in text where a rule has a keyword (a secret-like name, a provider
    // prefix): a key behind an encoding still has its name or its prefix in plain sight.
    if (found.rules.size === 0) return [];
    const text = chunk.content.toString('latin1');
    const lines = new LineIndex(chunk.content, text);
    const hits = this.hitsIn(text, lines, found, chunk.path, 0);
    return [chunk.path, ...(chunk.alsoAt ?? [])].flatMap((path) =>
      hits.flatMap((hit) => {
        const finding = this.toFinding(hit, chunk, path, lines, text);
        return finding ? [finding] : [];
      }),
    );
  }

  /** The hits in `text`, plain and (below the depth limit) behind an encoding, one per secret. */
  private hitsIn(text: string, lines: LineIndex, found: PrefilterHits, path: string, depth: number): Hit[] {
    const keywordHits = found.rules;
    const hits: Hit[] = [];
    const windowsByKey = new Map<string, TextWindow[]>();
    for (const rule of this.rules) {
      const offsets = keywordHits.get(rule);
      if (!offsets) continue;
      if (rule.anchoredAtName) {
        this.collectNameHits(rule, text, offsets, path, lines, hits);
        continue;
      }
      if (rule.anchoredAtKeyword) {
        this.collectKeywordHits(rule, text, offsets, path, lines, hits);
        continue;
      }
      const windows = rule.multiline ? [{ start: 0, end: text.length }] : this.windowsFor(rule, offsets, lines, text.length, windowsByKey);
      this.collectHits(rule, text, windows, path, lines, hits);
    }
    if (depth < MAX_DECODING_DEPTH) {
      const names = this.nameRules.map((rule) => keywordHits.get(rule) ?? []);
      for (const region of encodedRegions(text, found.markers, names)) hits.push(...this.hitsBehind(region, text, path, depth));
    }
    // Plain hits come first, so a key seen both plain and decoded is reported as it is written.
    return withoutOverlaps(hits);
  }

  /** The windows of `rule` in this text, computed once per window key (see windowKey). */
  private windowsFor(rule: CompiledRule, offsets: readonly number[], lines: LineIndex, length: number, windowsByKey: Map<string, TextWindow[]>): TextWindow[] {
    const key = this.windowKey.get(rule)!;
    let windows = windowsByKey.get(key);
    if (!windows) {
      windows = windowsAround(lines, length, offsets, rule.reach);
      windowsByKey.set(key, windows);
    }
    return windows;
  }

  /**
   * Scans an encoded region's decoded text with the same rules, placed in the rest of its line so
   * that rules needing a name or nearby context (`password: <base64>`) see them; hits are mapped
   * back to the encoded text. Hits wholly in the surrounding line were found plainly already.
   */
  private hitsBehind(region: EncodedRegion, text: string, path: string, depth: number): Hit[] {
    const lineStart = Math.max(text.lastIndexOf('\n', region.start - 1) + 1, region.start - DECODED_CONTEXT);
    const newline = text.indexOf('\n', region.end);
    const lineEnd = Math.min(newline === -1 ? text.length : newline, region.end + DECODED_CONTEXT);
    const before = text.slice(lineStart, region.start);
    const decodedText = before + region.decoded + text.slice(region.end, lineEnd);
    const decodedBytes = Buffer.from(decodedText, 'latin1');
    const found = this.prefilter.scan(decodedBytes);
    if (found.rules.size === 0) return [];
    const decodedStart = before.length;
    const decodedEnd = decodedStart + region.decoded.length;
    return this.hitsIn(decodedText, new LineIndex(decodedBytes, decodedText), found, path, depth + 1)
      .filter((hit) => hit.start < decodedEnd && hit.end > decodedStart)
      .map((hit) => {
        const span = region.encodedSpan(Math.max(hit.start, decodedStart) - decodedStart, Math.min(hit.end, decodedEnd) - decodedStart);
        return { ...hit, ...span, decodedFrom: [region.encoding, ...hit.decodedFrom] };
      });
  }

  /**
   * Runs the rule on its windows (ascending, apart), one stretch of at most SEGMENT_LENGTH
   * characters where matches may start per regex run. A run's regex sees LOOK_MARGIN characters
   * before its stretch and, after it, as many as the pattern can read from a start (its
   * matchReach, at most TRAILING), so look-arounds judge the real neighbours and a match that
   * starts in the stretch can run on past it; matches that start later belong to later runs.
   *
   * A search that finds nothing does not stop at its stretch's end: the regex reads on through the
   * trailing characters, trying each as a start. With TRAILING after every few-line window, those
   * 4,352 characters were most of the regex time of a tree scan (node --cpu-prof:
   * generic-secret-keyvalue ~80 % of its time in them; perf: the AWS secret key's 40-character
   * pattern a third of all regex time, 7 % of a tree worker's CPU). Hence a bounded pattern gets
   * only its matchReach, and windows closer than the trailing characters share a run, whose regex
   * reads the gap between them once; a match that starts in a gap is skipped, and each window's
   * search starts at its own start even when a match from the window before ran into it, so the
   * matches are those of a run per window. For a bounded pattern the run reads every character
   * any match starting in the stretch could, so it finds exactly what a run over the whole text
   * would; for an unbounded one, only what reaches past TRAILING differs, which no shipped pattern
   * does on real text.
   */
  private collectHits(rule: CompiledRule, text: string, windows: readonly TextWindow[], path: string, lines: LineIndex, hits: Hit[]): void {
    const { regex } = rule;
    const trailing = Math.min(TRAILING, rule.matchReach);
    let index = 0;
    let from = windows[0]?.start ?? 0;
    // End of the last match kept, in window `resumeWindow`: that window's search goes on from there.
    let resumeAt = 0;
    let resumeWindow = -1;
    while (index < windows.length) {
      let last = index;
      const limit = from + SEGMENT_LENGTH;
      while (last + 1 < windows.length && windows[last + 1]!.start < limit && windows[last + 1]!.start - windows[last]!.end < trailing) last++;
      const stretchEnd = Math.min(limit, windows[last]!.end);
      const base = Math.max(0, from - LOOK_MARGIN);
      const slice = this.runInput(text, base, stretchEnd + trailing);
      regex.lastIndex = from - base;
      for (let match = regex.exec(slice); match !== null; match = regex.exec(slice)) {
        if (match[0] === '') regex.lastIndex++;
        const start = match.index + base;
        if (start >= stretchEnd) break;
        while (windows[index]!.end <= start) index++;
        const window = windows[index]!;
        if (start < window.start) {
          regex.lastIndex = window.start - base;
          continue;
        }
        this.judge(rule, match, base, text, path, lines, hits);
        this.work.runs++;
        resumeAt = start + Math.max(1, match[0].length);
        resumeWindow = index;
        const following = windows[index + 1];
        if (following && resumeAt > following.start) regex.lastIndex = following.start - base;
      }
      this.work.runs++;
      from = stretchEnd;
      index = last;
      if (resumeWindow === last) from = Math.max(from, resumeAt);
      if (from >= windows[last]!.end) {
        index = last + 1;
        from = windows[index]?.start ?? 0;
      }
    }
  }

  /**
   * Runs a name-anchored rule: its matches begin where a name holding a keyword begins, so the
   * sticky regex is tried once per such name instead of at every position around the keywords
   * (~4x less time for the generic rules in minified code). Names inside an earlier match are
   * skipped, as a left-to-right scan would step over them; so are further keyword hits in a name
   * already tried, without walking back to its start again (a 10 KB name of keywords would
   * otherwise cost 10 KB per hit).
   */
  private collectNameHits(rule: CompiledRule, text: string, offsets: readonly number[], path: string, lines: LineIndex, hits: Hit[]): void {
    const { regex } = rule;
    let nameEnd = -1;
    let matchedUntil = 0;
    for (const offset of offsets) {
      if (offset < nameEnd) continue;
      const start = nameStart(text, offset);
      nameEnd = nameEndFrom(text, offset);
      if (start < matchedUntil) continue;
      const base = Math.max(0, start - LOOK_MARGIN);
      const slice = this.runInput(text, base, start + MAX_MATCH_LENGTH + LOOK_MARGIN);
      regex.lastIndex = start - base;
      const match = regex.exec(slice);
      this.work.runs++;
      if (!match) continue;
      matchedUntil = start + match[0].length;
      this.judge(rule, match, base, text, path, lines, hits);
    }
  }

  /**
   * Runs a keyword-anchored rule (every match begins with one of its keywords): the sticky regex is
   * tried once where each keyword starts, shown LOOK_MARGIN characters before it and as many after
   * as the pattern can read. A hit inside the last match is skipped, as a left-to-right scan steps
   * over it. This finds what the windows would: a scan of them tries the same starts, and any other
   * start cannot match. Only a keyword inside a match that runs on past its own window into the
   * next one (more lines than a window holds after its hit) is tried by the windows and skipped
   * here; withoutOverlaps would keep one of the two anyway.
   */
  private collectKeywordHits(rule: CompiledRule, text: string, offsets: readonly number[], path: string, lines: LineIndex, hits: Hit[]): void {
    const { regex } = rule;
    const trailing = Math.min(TRAILING, rule.matchReach);
    let matchedUntil = 0;
    for (const offset of offsets) {
      if (offset < matchedUntil) continue;
      const base = Math.max(0, offset - LOOK_MARGIN);
      const slice = this.runInput(text, base, offset + trailing);
      regex.lastIndex = offset - base;
      const match = regex.exec(slice);
      this.work.runs++;
      if (!match) continue;
      matchedUntil = offset + Math.max(1, match[0].length);
      this.judge(rule, match, base, text, path, lines, hits);
    }
  }

  /** The text one regex run may see: [from, to) clipped to the text, counted in `work`. */
  private runInput(text: string, from: number, to: number): string {
    const end = Math.min(text.length, to);
    const slice = from === 0 && end === text.length ? text : text.slice(from, end);
    this.work.characters += slice.length;
    this.work.longestRun = Math.max(this.work.longestRun, slice.length);
    return slice;
  }

  /** Keeps a match (found in text from `base` on) that passes its rule's entropy, context and filters. */
  private judge(rule: CompiledRule, match: RegExpExecArray, base: number, text: string, path: string, lines: LineIndex, hits: Hit[]): void {
    const span = match.indices?.[1];
    const secret = match[1];
    if (!span || !secret) return;
    const start = span[0] + base;
    const end = span[1] + base;
    if (rule.category === 'secret' && rule.definition.entropy !== undefined && shannonEntropy(secret) < rule.definition.entropy) return;
    if (rule.context && !hasContext(text, start, end, rule.context)) return;
    if (rule.definition.jwtClaims && !hasJwtClaims(secret, rule.definition.jwtClaims)) return;
    const dropped = findDroppingFilter({
      secret,
      match: match[0],
      line: lines.lineText(start),
      path,
      ruleId: rule.definition.id,
      generic: rule.generic,
      category: rule.category,
    });
    if (!dropped) hits.push({ rule, start, end, secret, decodedFrom: [] });
  }

  /** The finding for `hit` at `path`: the chunk's own path or another path of the same bytes. */
  private toFinding(hit: Hit, chunk: Chunk, path: string, lines: LineIndex, text: string): RawFinding | null {
    const { rule } = hit;
    const definition = rule.definition;
    const { window } = chunk;
    if (window && (hit.start < window.ownFrom || hit.start >= window.ownUntil)) return null;
    const begin = inWhole(lines.position(hit.start), window);
    if (chunk.onlyLines && !chunk.onlyLines.has(begin.line)) return null;
    const finish = inWhole(lines.position(hit.end), window);
    const secret = Buffer.from(hit.secret, 'latin1').toString('utf8');
    const line = lines.lineText(hit.start);
    const exposure = rule.category === 'secret' ? clientExposure(path, line) : null;
    // Lines within this chunk (a window of a big file starts mid-file): the allow comment and the
    // variable name sit next to the secret in the same text.
    const lineStart = lines.lineStart(hit.start);
    const previousLine = lineStart > 0 ? lines.lineText(lines.lineStart(lineStart - 1)) : null;
    const inlineAllow = mayHoldDirective(line) || (previousLine !== null && mayHoldDirective(previousLine)) ? inlineAllowFor(line, previousLine) : null;
    const where = exposure ? ` in code that ships to end users (${exposure.reason})` : '';
    const behind = hit.decodedFrom.length > 0 ? ` behind ${hit.decodedFrom.join(' and ')} encoding` : '';
    return {
      ruleId: definition.id,
      ruleName: definition.name,
      provider: definition.provider,
      severity: exposure ? 'critical' : definition.severity,
      kind: 'secret',
      file: path,
      line: begin.line,
      column: begin.column,
      endLine: finish.line,
      endColumn: finish.column,
      rawSecret: secret,
      showAsIs: rule.category === 'risky-code',
      inlineAllow,
      message: chunk.commit
        ? `${definition.name} committed in ${shortSha(chunk.commit.sha)}${behind}${where}.`
        : `${definition.name} found${behind}${where}.`,
      remedy: chunk.commit ? historyRemedy(definition) : remedyFor(definition, exposure !== null),
      references: definition.references,
      commit: chunk.commit ?? null,
      clientExposure: exposure,
      ...(isEnvFile(path) || isEnvTemplate(path) ? envVariable(text.slice(lineStart, hit.start)) : {}),
      decodedFrom: hit.decodedFrom.length > 0 ? hit.decodedFrom.join(' → ') : null,
    };
  }
}

/** `export API_KEY="` before a secret in an env file names the variable `API_KEY`. */
function envVariable(lineBeforeSecret: string): { variable?: string } {
  const name = /([A-Za-z_][\w.-]*)["']?[ \t]*[:=][ \t]*["']?$/.exec(lineBeforeSecret)?.[1];
  return name ? { variable: name } : {};
}

/** A position in a window as a position in the whole text the window was cut from. */
function inWhole(position: { line: number; column: number }, window: WindowPlacement | undefined): { line: number; column: number } {
  if (!window) return position;
  return { line: position.line + window.line, column: position.line === 1 ? position.column + window.column : position.column };
}

/** Where the name (a run of `[\w.-]`) that holds `offset` begins. */
function nameStart(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && isNameCharacter(text.charCodeAt(start - 1))) start--;
  return start;
}

/** Where the name that holds `offset` ends. */
function nameEndFrom(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && isNameCharacter(text.charCodeAt(end))) end++;
  return end;
}

function isNameCharacter(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x30 && code <= 0x39) || // 0-9
    code === 0x5f || code === 0x2e || code === 0x2d // _ . -
  );
}

function hasContext(text: string, start: number, end: number, context: { regex: RegExp; within: number }): boolean {
  const window = text.slice(Math.max(0, start - context.within), Math.min(text.length, end + context.within));
  return context.regex.test(window);
}

/**
 * One finding per secret: when spans overlap, a provider rule beats a generic one (the provider
 * knows what the key is and how to rotate it), and among equals the earlier, longer match wins.
 */
function withoutOverlaps(hits: Hit[]): Hit[] {
  const ranked = [...hits].sort(
    (a, b) => Number(a.rule.generic) - Number(b.rule.generic) || a.start - b.start || b.end - b.start - (a.end - a.start),
  );
  const kept: Hit[] = [];
  for (const hit of ranked) {
    if (!kept.some((other) => hit.start < other.end && other.start < hit.end)) kept.push(hit);
  }
  return kept.sort((a, b) => a.start - b.start);
}
