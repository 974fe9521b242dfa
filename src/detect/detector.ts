import type { Chunk } from '../sources/chunk.js';
import type { Finding } from '../finding.js';
import type { CompiledRule } from '../rules/compile.js';
import { fingerprintOf } from '../report/fingerprint.js';
import { redactSecret } from '../report/redact.js';
import { shannonEntropy } from './entropy.js';
import { clientExposure } from './exposure.js';
import { findDroppingFilter } from './filters/index.js';
import { LineIndex } from './location.js';
import { Prefilter } from './prefilter.js';
import { windowsAround, type TextWindow } from './windows.js';
import { historyRemedy, remedyFor } from './remedy.js';

/** Characters of real text shown to a rule's regex beyond each window (see collectHits). */
const LOOK_MARGIN = 256;

export interface DetectorOptions {
  /** Keep secrets whole in findings (`--show-secrets`); otherwise they are redacted here, once. */
  showSecrets: boolean;
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
 * Chunk in, Findings out; no I/O. Built once per run (or per worker) from the compiled rules so
 * that every chunk reuses the same regexes and prefilter.
 */
export class Detector {
  private readonly prefilter: Prefilter;

  constructor(
    private readonly rules: readonly CompiledRule[],
    private readonly options: DetectorOptions,
  ) {
    this.prefilter = new Prefilter(rules);
  }

  detect(chunk: Chunk): Finding[] {
    const text = chunk.content.toString('latin1');
    const keywordHits = this.prefilter.keywordHits(text);
    if (keywordHits.size === 0) return [];
    const lines = new LineIndex(text);
    const hits: Hit[] = [];
    for (const rule of this.rules) {
      const offsets = keywordHits.get(rule);
      if (!offsets) continue;
      const windows = rule.multiline ? [{ start: 0, end: text.length }] : windowsAround(lines, text.length, offsets, rule.reach);
      for (const window of windows) this.collectHits(rule, text, window, chunk.path, lines, hits);
    }
    return withoutOverlaps(hits).flatMap((hit) => {
      const finding = this.toFinding(hit, chunk, lines);
      return finding ? [finding] : [];
    });
  }

  /**
   * Runs the rule on one window. The regex sees LOOK_MARGIN characters beyond the window on both
   * sides, so its lookbehinds and lookaheads judge the real neighbours, not the window's edges;
   * matches that start in the margins belong to other windows (or to none) and are skipped.
   */
  private collectHits(rule: CompiledRule, text: string, window: TextWindow, path: string, lines: LineIndex, hits: Hit[]): void {
    const { regex } = rule;
    const base = Math.max(0, window.start - LOOK_MARGIN);
    const slice = base === 0 && window.end >= text.length ? text : text.slice(base, Math.min(text.length, window.end + LOOK_MARGIN));
    regex.lastIndex = window.start - base;
    for (let match = regex.exec(slice); match !== null; match = regex.exec(slice)) {
      if (match[0] === '') regex.lastIndex++;
      if (match.index + base >= window.end) break;
      const span = match.indices?.[1];
      const secret = match[1];
      if (!span || !secret) continue;
      const start = span[0] + base;
      const end = span[1] + base;
      if (rule.category === 'secret' && rule.definition.entropy !== undefined && shannonEntropy(secret) < rule.definition.entropy) continue;
      if (rule.context && !hasContext(text, start, end, rule.context)) continue;
      const dropped = findDroppingFilter({
        secret,
        match: match[0],
        line: lines.lineText(start),
        path,
        ruleId: rule.definition.id,
        generic: rule.generic,
        category: rule.category,
      });
      if (dropped) continue;
      hits.push({ rule, start, end, secret });
    }
  }

  private toFinding(hit: Hit, chunk: Chunk, lines: LineIndex): Finding | null {
    const { rule } = hit;
    const definition = rule.definition;
    const begin = lines.position(hit.start);
    if (chunk.onlyLines && !chunk.onlyLines.has(begin.line)) return null;
    const finish = lines.position(hit.end);
    const secret = Buffer.from(hit.secret, 'latin1').toString('utf8');
    const exposure = rule.category === 'secret' ? clientExposure(chunk.path, lines.lineText(hit.start)) : null;
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
      secret: this.options.showSecrets || rule.category === 'risky-code' ? secret : redactSecret(secret),
      fingerprint: fingerprintOf(definition.id, chunk.path, secret),
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
