/**
 * The report for people at a terminal: findings grouped by file, each with what to do about it,
 * then a short summary of what was scanned. Laid out like a linter's output, one finding per
 * `path:line:col` header so terminals and editors can link to it.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { SEVERITIES, type Finding, type Severity } from '../finding/finding.js';
import type { ScanResult, ScanSummary } from '../scan-result.js';
import { SKIP_REASON_LABELS, type SkippedItem } from '../sources/source.js';
import { describeCommit } from './commit.js';
import { formatBytes, formatCount, formatDuration } from './human-units.js';
import { incompleteHeadline, unreadLines } from './incomplete.js';
import { printable } from './printable.js';
import { describeVerification, verificationRank } from './verification.js';
import { secretLabels, type SecretLabel } from './secret-label.js';

export interface TextOptions {
  /** Decided by the caller: false when stdout is not a TTY, NO_COLOR is set or --no-color is given. */
  color: boolean;
  /** Also list every skipped file with the reason it was skipped. */
  verbose: boolean;
  /** The --fail-on threshold, so the summary can say which findings did not fail the run. */
  failOn?: Severity | 'none';
}

const SEVERITY_STYLES: Record<Severity, (style: ChalkInstance) => ChalkInstance> = {
  critical: (style) => style.bold.red,
  high: (style) => style.red,
  medium: (style) => style.yellow,
  low: (style) => style.cyan,
  info: (style) => style.gray,
};

const MOST_SEVERE_FIRST = [...SEVERITIES].reverse();
const SEVERITY_WIDTH = Math.max(...SEVERITIES.map((severity) => severity.length));
const LABEL_WIDTH = 'secret'.length;

export function formatText(result: ScanResult, options: TextOptions): string {
  // Basic colours are all the report uses, so level 1 works on every colour terminal.
  const style = new Chalk({ level: options.color ? 1 : 0 });
  const labelOf = secretLabels(result.rules);
  // With --verify, keys that still work come first (a stable sort keeps the location order otherwise).
  const ordered = [...result.findings].sort((a, b) => verificationRank(a) - verificationRank(b));
  const sections = [...groupByFile(ordered)].map(([file, findings]) => formatFileGroup(file, findings, labelOf, style));
  sections.push(formatSummary(result.summary, result.findings, options, style));
  if (result.summary.mode === 'staged' && result.findings.length > 0) sections.push(formatCommitBlocked(style));
  else if (result.summary.mode === 'staged' && result.summary.incomplete) sections.push(formatCommitBlockedUnread(style));
  return `${sections.join('\n\n')}\n`;
}

/**
 * A pre-commit hook's message is read by someone whose commit just failed: say why, how to fix it,
 * how to allow a false positive and, honestly, how to skip the check.
 */
function formatCommitBlocked(style: ChalkInstance): string {
  return [
    style.bold.red('✖ Commit blocked: the staged changes above add secrets.'),
    '  Fix: move the key to an environment variable or a secret manager, then `git add` the file again,',
    '       or unstage the file with `git restore --staged <file>`. Rotate any key that was real.',
    '  False positive? Add the comment `keyguard:allow` on that line, or list the path in .keyguardignore.',
    '  `git commit --no-verify` skips this check; the key would then be in history for good.',
  ].join('\n');
}

/** The hook also blocks a commit it could not read whole: a blob it cannot see may add a key. */
function formatCommitBlockedUnread(style: ChalkInstance): string {
  return [
    style.bold.red('✖ Commit blocked: some staged files could not be read, so keyguard cannot tell whether they add secrets.'),
    '  Fix: check the repository with `git fsck`, then `git add` the files again.',
    '  `git commit --no-verify` skips this check.',
  ].join('\n');
}

/** Files in the order their first finding arrives; findings keep their order within a file. */
function groupByFile(findings: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return groups;
}

function formatFileGroup(file: string, findings: Finding[], labelOf: (ruleId: string) => SecretLabel, style: ChalkInstance): string {
  return [style.bold.underline(printable(file)), ...findings.map((finding) => formatFinding(finding, labelOf(finding.ruleId), style))].join('\n');
}

function formatFinding(finding: Finding, secretLabel: SecretLabel, style: ChalkInstance): string {
  const severity = SEVERITY_STYLES[finding.severity](style)(finding.severity.padEnd(SEVERITY_WIDTH));
  const location = `${printable(finding.file)}:${finding.line}:${finding.column}`;
  const lines = [
    `  ${location}  ${severity}  ${style.bold(printable(finding.ruleName))}  ${style.dim(printable(finding.ruleId))}`,
    printable(finding.message),
  ];
  const label = (name: string, value: string): string => `${style.dim(name.padEnd(LABEL_WIDTH))}  ${value}`;
  if (finding.secret !== '') {
    // The decoding chain reads like a pipe: `base64 → openai-project-key`.
    const decoded = finding.decodedFrom ? `  ${style.dim(`(${printable(finding.decodedFrom)} → ${printable(finding.ruleId)})`)}` : '';
    lines.push(label(secretLabel, `${printable(finding.secret)}${decoded}`));
  }
  if (finding.verification) lines.push(label('status', formatVerification(finding, style)));
  if (finding.commit) lines.push(label('commit', printable(describeCommit(finding.commit))));
  if (finding.clientExposure) {
    lines.push(style.magenta(`⚠ client-side exposure: ${printable(finding.clientExposure.reason)}`));
  }
  lines.push(label('fix', printable(finding.remedy)));
  const [firstReference] = finding.references;
  if (firstReference !== undefined) lines.push(label('see', style.underline(printable(firstReference))));
  const [header, ...details] = lines;
  return [header, ...details.map((line) => `    ${line}`)].join('\n');
}

function formatVerification(finding: Finding, style: ChalkInstance): string {
  const verification = finding.verification!;
  const text = printable(describeVerification(verification));
  if (verification.status === 'live') return style.bold.red(`● ${text}`);
  if (verification.status === 'revoked') return style.dim(`○ ${text}`);
  return text;
}

/** `Verified 3 keys: 1 live, 1 revoked, 1 unknown`, when the scan verified. */
function formatVerified(findings: readonly Finding[], style: ChalkInstance): string[] {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    if (finding.verification) counts.set(finding.verification.status, (counts.get(finding.verification.status) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const parts = (['live', 'revoked', 'unknown', 'error'] as const)
    .filter((status) => counts.has(status))
    .map((status) => (status === 'live' ? style.bold.red(`${counts.get(status)} live`) : `${counts.get(status)} ${status}`));
  return [`Verified ${formatCount(total, 'finding')}: ${parts.join(', ')}`];
}

function formatSummary(summary: ScanSummary, findings: readonly Finding[], options: TextOptions, style: ChalkInstance): string {
  const { verbose } = options;
  const belowThreshold = options.failOn === undefined ? null : failOnNote(summary, options.failOn);
  return [
    formatHeadline(summary, style),
    ...formatIncomplete(summary, verbose, style),
    ...formatVerified(findings, style),
    ...(belowThreshold === null ? [] : [belowThreshold]),
    formatScanned(summary),
    ...formatSuppressed(summary),
    ...formatSkipped(summary, verbose),
    ...summary.warnings.map((warning) => style.yellow(`⚠ ${printable(warning)}`)),
  ].join('\n');
}

function formatHeadline(summary: ScanSummary, style: ChalkInstance): string {
  // An incomplete scan is no all-clear: what could not be read may hold keys.
  if (summary.findings === 0) return summary.incomplete ? 'No secrets found in what could be read' : style.green('✔ No secrets found');
  const bySeverity = MOST_SEVERE_FIRST.filter((severity) => summary.bySeverity[severity] > 0).map((severity) =>
    SEVERITY_STYLES[severity](style)(`${summary.bySeverity[severity]} ${severity}`),
  );
  return `${style.red.bold('✖')} ${style.bold(formatCount(summary.findings, 'finding'))}: ${bySeverity.join(', ')}`;
}

/** What could not be read, by name (all of it with --verbose), under the headline. */
function formatIncomplete(summary: ScanSummary, verbose: boolean, style: ChalkInstance): string[] {
  const headline = incompleteHeadline(summary);
  if (headline === null) return [];
  return [style.bold.red(`✖ ${headline}`), ...unreadLines(summary, verbose).map((line) => `  ${line}`)];
}

/** Findings below --fail-on are reported but pass the run; say so, or a red headline with exit 0 puzzles. */
export function failOnNote(summary: ScanSummary, failOn: Severity | 'none'): string | null {
  const threshold = failOn === 'none' ? SEVERITIES.length : SEVERITIES.indexOf(failOn);
  const below = SEVERITIES.filter((_, rank) => rank < threshold).reduce((count, severity) => count + summary.bySeverity[severity], 0);
  if (below === 0) return null;
  const why = failOn === 'none' ? '--fail-on none' : `they are below --fail-on ${failOn}`;
  return `${formatCount(below, 'finding')} did not fail the run: ${why}`;
}

function formatScanned(summary: ScanSummary): string {
  const scanned = [`${formatCount(summary.filesScanned, 'file')} (${formatBytes(summary.bytesScanned)})`];
  if (summary.commitsScanned !== null) scanned.push(formatCount(summary.commitsScanned, 'commit'));
  if (summary.blobsScanned !== null) scanned.push(formatCount(summary.blobsScanned, 'blob'));
  return `Scanned ${scanned.join(', ')} in ${formatDuration(summary.durationMs)}`;
}

/** Suppressed findings are counted by reason, so an allow comment or a baseline never hides a finding silently. */
function formatSuppressed(summary: ScanSummary): string[] {
  const { inline, config, baseline } = summary.suppressed;
  const parts = [
    inline > 0 ? `${inline} by allow comments` : '',
    config > 0 ? `${config} by the config's allowlists` : '',
    baseline > 0 ? `${baseline} by the baseline` : '',
  ].filter(Boolean);
  if (parts.length === 0) return [];
  return [`Suppressed ${formatCount(inline + config + baseline, 'finding')}: ${parts.join(', ')}`];
}

/**
 * What was not scanned, counted by reason, so an all-clear never hides what it did not look at.
 * A path ending in `/` is a folder left out as a whole (an ignored node_modules/ is one item).
 */
function formatSkipped(summary: ScanSummary, verbose: boolean): string[] {
  if (summary.skipped.length === 0) return [];
  const byReason = new Map<SkippedItem['reason'], { folders: number; files: number }>();
  for (const item of summary.skipped) {
    const counts = byReason.get(item.reason) ?? { folders: 0, files: 0 };
    if (item.path.endsWith('/')) counts.folders++;
    else counts.files++;
    byReason.set(item.reason, counts);
  }
  // One reason needs no counts of its own: "Skipped 1 folder: ignored by .gitignore".
  const reasons = [...byReason].map(([reason, counts]) => (byReason.size === 1 ? '' : `${countItems(counts, false)} `) + SKIP_REASON_LABELS[reason]);
  const total = { folders: summary.skipped.length - summary.filesSkipped, files: summary.filesSkipped };
  const headline = `Skipped ${countItems(total, true)}: ${reasons.join(', ')}`;
  if (!verbose) return [headline];
  const items = summary.skipped.map(
    (item) => `  ${printable(item.path)}  ${SKIP_REASON_LABELS[item.reason]}${item.detail ? ` (${printable(item.detail)})` : ''}`,
  );
  return [headline, ...items];
}

/** "2 folders and 3 files"; a bare number when there are only files and `alwaysNamed` is false ("1 binary"). */
function countItems({ folders, files }: { folders: number; files: number }, alwaysNamed: boolean): string {
  if (folders === 0) return alwaysNamed ? formatCount(files, 'file') : String(files);
  if (files === 0) return formatCount(folders, 'folder');
  return `${formatCount(folders, 'folder')} and ${formatCount(files, 'file')}`;
}
