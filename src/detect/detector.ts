import type { Chunk } from '../sources/chunk.js';
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
import { historyRemedy, remedyFor } from '../finding/remedy.js';

/** Characters of real text shown to a rule's regex beyond each window (see collectHits). */
const LOOK_MARGIN = 256;
/**
 * The per-run input cap: one regex run sees at most SEGMENT_LENGTH characters where its matches may
 * start, plus MAX_MATCH_LENGTH after them and LOOK_MARGIN on both sides. Whatever a pattern's
 * complexity, no single line or window can make one run take longer than a run over this many
 * characters; the price is that a match longer than MAX_MATCH_LENGTH (no real key is) is not found.
 */
const SEGMENT_LENGTH = 4096;
const MAX_MATCH_LENGTH = 4096;
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
}

/**
 * Chunk in, RawFindings out; no I/O. Built once per run (or per worker) from the compiled rules so
 * that every chunk reuses the same regexes and prefilter.
 */
export class Detector {
  private readonly prefilter: Prefilter;
  /** Counted so that tests can show the work grows linearly with the input (test/detect/redos.test.ts). */
  readonly work: DetectorWork = { runs: 0, characters: 0, longestRun: 0 };

  constructor(private readonly rules: readonly CompiledRule[]) {
    this.prefilter = new Prefilter(rules);
  }

  detect(chunk: Chunk): RawFinding[] {
    const keywordHits = this.prefilter.keywordHits(chunk.content);
    if (keywordHits.size === 0) return [];
    const text = chunk.content.toString('latin1');
    const lines = new LineIndex(text);
    const hits: Hit[] = [];
    for (const rule of this.rules) {
      const offsets = keywordHits.get(rule);
      if (!offsets) continue;
      if (rule.anchoredAtName) {
        this.collectNameHits(rule, text, offsets, chunk.path, lines, hits);
        continue;
      }
      const windows = rule.multiline ? [{ start: 0, end: text.length }] : windowsAround(lines, text.length, offsets, rule.reach);
      for (const window of windows) this.collectHits(rule, text, window, chunk.path, lines, hits);
    }
    return withoutOverlaps(hits).flatMap((hit) => {
      const finding = this.toFinding(hit, chunk, lines);
      return finding ? [finding] : [];
    });
  }

  /**
   * Runs the rule on one window, one segment at a time (see SEGMENT_LENGTH). The regex sees
   * LOOK_MARGIN characters beyond each segment on both sides (and MAX_MATCH_LENGTH more after it),
   * so its lookbehinds and lookaheads judge the real neighbours, not the segment's edges; matches
   * that start outside the segment belong to other segments (or to none) and are skipped.
   */
  private collectHits(rule: CompiledRule, text: string, window: TextWindow, path: string, lines: LineIndex, hits: Hit[]): void {
    const { regex } = rule;
    let resumeAt = window.start;
    for (let segment = window.start; segment < window.end; segment += SEGMENT_LENGTH) {
      const segmentEnd = Math.min(window.end, segment + SEGMENT_LENGTH);
      if (resumeAt >= segmentEnd) continue;
      const base = Math.max(0, segment - LOOK_MARGIN);
      const slice = this.runInput(text, base, segmentEnd + MAX_MATCH_LENGTH + LOOK_MARGIN);
      regex.lastIndex = Math.max(segment, resumeAt) - base;
      for (let match = regex.exec(slice); match !== null; match = regex.exec(slice)) {
        if (match[0] === '') regex.lastIndex++;
        if (match.index + base >= segmentEnd) break;
        resumeAt = match.index + base + Math.max(1, match[0].length);
        this.judge(rule, match, base, text, path, lines, hits);
        this.work.runs++;
      }
      this.work.runs++;
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
    if (!dropped) hits.push({ rule, start, end, secret });
  }

  private toFinding(hit: Hit, chunk: Chunk, lines: LineIndex): RawFinding | null {
    const { rule } = hit;
    const definition = rule.definition;
    const begin = lines.position(hit.start);
    if (chunk.onlyLines && !chunk.onlyLines.has(begin.line)) return null;
    const finish = lines.position(hit.end);
    const secret = Buffer.from(hit.secret, 'latin1').toString('utf8');
    const line = lines.lineText(hit.start);
    const exposure = rule.category === 'secret' ? clientExposure(chunk.path, line) : null;
    const previousLine = begin.line > 1 ? lines.lineText(lines.lineStart(begin.line - 2)) : null;
    const inlineAllow = mayHoldDirective(line) || (previousLine !== null && mayHoldDirective(previousLine)) ? inlineAllowFor(line, previousLine) : null;
    const where = exposure ? ` in code that ships to end users (${exposure.reason})` : '';
    return {
      ruleId: definition.id,
      ruleName: definition.name,
      provider: definition.provider,
      severity: exposure ? 'critical' : definition.severity,
      kind: 'secret',
      file: chunk.path,
      line: begin.line,
      column: begin.column,
      endLine: finish.line,
      endColumn: finish.column,
      rawSecret: secret,
      showAsIs: rule.category === 'risky-code',
      inlineAllow,
      message: chunk.commit
        ? `${definition.name} committed in ${chunk.commit.sha.slice(0, 8)}${where}.`
        : `${definition.name} found${where}.`,
      remedy: chunk.commit ? historyRemedy(definition) : remedyFor(definition, exposure !== null),
      references: definition.references,
      commit: chunk.commit ?? null,
      clientExposure: exposure,
    };
  }
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
