/**
 * SARIF 2.1.0, shaped for GitHub code scanning (docs.github.com, "SARIF support for code
 * scanning"): every rule carries the help, tags, precision and security-severity GitHub shows and
 * sorts by, and every result a partial fingerprint so an alert survives code moving around it.
 */
import { posix, relative, sep } from 'node:path';
import { severityRank, type Finding, type Severity } from '../finding/finding.js';
import { locateRepo } from '../git/locate.js';
import { splitArchivePath } from '../finding/archive-path.js';
import type { RuleInfo, ScanResult } from '../scan-result.js';
import { describeCommit } from './commit.js';
import { secretLabels, type SecretLabel } from './secret-label.js';
import { describeVerification } from './verification.js';
import { unreadReason } from './incomplete.js';
import type { SkippedItem } from '../sources/source.js';
import { TOOL_INFORMATION_URI, TOOL_NAME } from './tool.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Result locations are relative to this base, which the consumer resolves (GitHub: the checkout). */
const SOURCE_ROOT = '%SRCROOT%';

/**
 * GitHub code scanning rejects a run with more than 25,000 results and stores only 5,000 of them
 * ("SARIF results exceed limit" in GitHub's docs); the report keeps the 5,000 most severe itself,
 * so which ones are dropped is decided here and said, not left to the upload.
 */
export const SARIF_MAX_RESULTS = 5000;

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, SarifLevel> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** GitHub reads above 9.0 as critical, 7.0 to 8.9 as high, 4.0 to 6.9 as medium, below as low. */
const SECURITY_SEVERITIES: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '1.0',
};

/** GitHub shows CWE tags as links; these are the weaknesses each kind of rule reports. */
const CWE_TAGS: Record<RuleInfo['category'], string> = {
  secret: 'external/cwe/cwe-798', // Use of Hard-coded Credentials
  'risky-code': 'external/cwe/cwe-522', // Insufficiently Protected Credentials
  hygiene: 'external/cwe/cwe-540', // Inclusion of Sensitive Information in Source Code
};

/** The warning a SARIF report carries when it had to leave findings out; null when everything fits. */
export function sarifLimitWarning(result: ScanResult): string | null {
  const total = result.findings.length;
  if (total <= SARIF_MAX_RESULTS) return null;
  return `the SARIF report holds the ${SARIF_MAX_RESULTS} most severe of ${total} findings (GitHub code scanning stores at most ${SARIF_MAX_RESULTS} results per run); --format json lists them all`;
}

/** The most severe findings first (stable), cut to what GitHub keeps; then back in report order. */
function withinLimit(findings: readonly Finding[]): Finding[] {
  if (findings.length <= SARIF_MAX_RESULTS) return [...findings];
  const kept = new Set(
    [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity)).slice(0, SARIF_MAX_RESULTS),
  );
  return findings.filter((finding) => kept.has(finding));
}

/**
 * Where the scanned folder sits in its git repository (`frontend/` for a monorepo job that scans
 * one package), so that URIs are relative to the repository root, which is what GitHub resolves
 * `%SRCROOT%` to; '' outside git or at the root.
 */
function repositoryPrefix(root: string): string {
  const repo = locateRepo(root);
  if (!repo) return '';
  const prefix = relative(repo.worktree, root).split(sep).join('/');
  return prefix.startsWith('..') ? '' : prefix;
}

/**
 * GitHub reads `security-severity` from the rule, so a finding whose severity was raised (a key
 * that ships to browsers) or lowered (a sample in docs) refers to a variant of its rule,
 * `<rule>/<severity>`, that carries its own security-severity; the result's properties say it too.
 */
function variantRules(rules: readonly RuleInfo[], findings: readonly Finding[]): RuleInfo[] {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const variants = new Map<string, RuleInfo>();
  for (const finding of findings) {
    const rule = byId.get(finding.ruleId);
    if (!rule || rule.severity === finding.severity) continue;
    const id = variantId(finding.ruleId, finding.severity);
    if (!variants.has(id)) variants.set(id, { ...rule, id, severity: finding.severity, name: `${rule.name} (${finding.severity})` });
  }
  return [...variants.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** How many times a fingerprint was seen before, in report order. */
class OccurrenceCounter {
  private readonly seen = new Map<string, number>();

  next(fingerprint: string): number {
    const count = this.seen.get(fingerprint) ?? 0;
    this.seen.set(fingerprint, count + 1);
    return count;
  }
}

function variantId(ruleId: string, severity: Severity): string {
  return `${ruleId}/${severity}`;
}

export function formatSarif(result: ScanResult): string {
  const findings = withinLimit(result.findings);
  const limitWarning = sarifLimitWarning(result);
  const rules = [...result.rules, ...variantRules(result.rules, findings)];
  const ruleIndexes = new Map(rules.map((rule, index) => [rule.id, index]));
  const defaultSeverity = new Map(result.rules.map((rule) => [rule.id, rule.severity]));
  const prefix = repositoryPrefix(result.root);
  const occurrences = new OccurrenceCounter();
  const labelOf = secretLabels(result.rules);
  const ruleIdOf = (finding: Finding) =>
    (defaultSeverity.get(finding.ruleId) ?? finding.severity) === finding.severity ? finding.ruleId : variantId(finding.ruleId, finding.severity);
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: result.toolVersion,
            semanticVersion: result.toolVersion,
            informationUri: TOOL_INFORMATION_URI,
            rules: rules.map(toReportingDescriptor),
          },
        },
        invocations: [
          {
            // Something the scan was asked to read and could not: the run did not do its whole job.
            executionSuccessful: !result.summary.incomplete,
            toolExecutionNotifications: [
              ...result.summary.unread.map((item) => unreadNotification(item, prefix)),
              ...[...result.summary.warnings, ...(limitWarning ? [limitWarning] : [])].map((warning) => ({
                level: 'warning',
                message: { text: warning },
              })),
            ],
          },
        ],
        // Described but without a `uri`: the absolute root would tell readers about the machine,
        // and consumers such as GitHub resolve the base themselves.
        originalUriBaseIds: {
          [SOURCE_ROOT]: { description: { text: 'The root of the git repository (the scanned folder outside git); result paths are relative to it.' } },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((finding) => toResult(finding, ruleIdOf(finding), ruleIndexes.get(ruleIdOf(finding)), prefix, occurrences.next(finding.fingerprint), labelOf(finding.ruleId))),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toReportingDescriptor(rule: RuleInfo) {
  const [helpUri] = rule.references;
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.name },
    fullDescription: { text: rule.description },
    help: formatHelp(rule),
    ...(helpUri === undefined ? {} : { helpUri }),
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: {
      // A Set, because SARIF requires unique tags and a provider may share a name with a category.
      tags: [...new Set(['security', rule.category, rule.provider, CWE_TAGS[rule.category]])],
      // Generic rules match on the variable name, not the key's shape, and are wrong more often.
      precision: rule.generic ? 'medium' : 'high',
      'security-severity': SECURITY_SEVERITIES[rule.severity],
    },
  };
}

function formatHelp(rule: RuleInfo): { text: string; markdown: string } {
  const text = [rule.description];
  const markdown = [rule.description];
  if (rule.remedy !== undefined) {
    text.push(`Remediation: ${rule.remedy}`);
    markdown.push(`**Remediation:** ${rule.remedy}`);
  }
  if (rule.references.length > 0) {
    text.push(`References:\n${rule.references.map((reference) => `- ${reference}`).join('\n')}`);
    markdown.push(`**References**\n\n${rule.references.map((reference) => `- <${reference}>`).join('\n')}`);
  }
  return { text: text.join('\n\n'), markdown: markdown.join('\n\n') };
}

/** Where a path is for a consumer: relative to the repository root, an archive entry's archive. */
function artifactLocation(path: string, prefix: string) {
  const file = splitArchivePath(path)?.archive ?? path;
  return { uri: toUriReference(prefix === '' ? file : posix.join(prefix, file)), uriBaseId: SOURCE_ROOT };
}

/** An error notification per item that could not be read, located at it (the scanned folder itself has no location). */
function unreadNotification(item: SkippedItem, prefix: string) {
  return {
    level: 'error',
    message: { text: `Could not read ${item.path}: ${unreadReason(item)}` },
    ...(item.path === './' ? {} : { locations: [{ physicalLocation: { artifactLocation: artifactLocation(item.path, prefix) } }] }),
  };
}

function toResult(finding: Finding, ruleId: string, ruleIndex: number | undefined, prefix: string, occurrence: number, label: SecretLabel) {
  const inArchive = splitArchivePath(finding.file);
  const region = { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn };
  return {
    ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    // A key its provider still accepts is an incident, whatever the rule's usual severity.
    level: finding.verification?.status === 'live' ? 'error' : LEVELS[finding.severity],
    message: { text: formatMessage(finding, label) },
    locations: [
      {
        physicalLocation: {
          // Inside an archive, the archive is the artifact a viewer can open; lines inside an
          // entry would point into compressed bytes, so the entry and its position go in the
          // message and properties instead.
          artifactLocation: artifactLocation(finding.file, prefix),
          ...(inArchive ? {} : { region }),
        },
      },
    ],
    // The fingerprint already names the rule, the file and the secret but not the line, so an
    // alert follows its secret when lines move; the occurrence number keeps a key repeated in one
    // file as one alert per place (GitHub merges results that share a fingerprint).
    partialFingerprints: { primaryLocationLineHash: occurrence === 0 ? finding.fingerprint : `${finding.fingerprint}:${occurrence}` },
    properties: toResultProperties(finding),
  };
}

/**
 * GitHub shows the first sentence as the alert's title, so the finding's own message leads. The
 * details go on lines of their own, where no added full stop can be mistaken for part of a secret.
 */
function formatMessage(finding: Finding, label: SecretLabel): string {
  const lines = [finding.message];
  const inArchive = splitArchivePath(finding.file);
  if (inArchive) lines.push(`In archive entry: ${inArchive.entry} (line ${finding.line}, column ${finding.column})`);
  if (finding.secret !== '') lines.push(`${label[0]!.toUpperCase()}${label.slice(1)}: ${finding.secret}`);
  if (finding.verification) lines.push(`Verified: ${describeVerification(finding.verification)}`);
  if (finding.clientExposure) lines.push(`Client-side exposure: ${finding.clientExposure.reason}`);
  if (finding.commit) lines.push(`Found in commit ${describeCommit(finding.commit)}`);
  return lines.join('\n');
}

function toResultProperties(finding: Finding) {
  const { commit, clientExposure, verification } = finding;
  const inArchive = splitArchivePath(finding.file);
  return {
    'security-severity': SECURITY_SEVERITIES[finding.severity],
    ...(inArchive ? { archiveEntry: { path: inArchive.entry, line: finding.line, column: finding.column } } : {}),
    ...(commit ? { commit: { sha: commit.sha, author: commit.author, email: commit.email, date: commit.date } } : {}),
    ...(clientExposure ? { clientExposure: { reason: clientExposure.reason } } : {}),
    ...(verification ? { verification: { status: verification.status, ...(verification.detail === undefined ? {} : { detail: verification.detail }) } } : {}),
  };
}

/**
 * A relative path is not yet a URI reference: spaces, `#`, `?` or `%` in a file name would change
 * its meaning, and a first segment with a colon would read as a scheme. Encoding each segment keeps
 * the slashes and makes the rest unambiguous; consumers decode it back to the path.
 */
function toUriReference(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
