/**
 * SARIF 2.1.0, shaped for GitHub code scanning (docs.github.com, "SARIF support for code
 * scanning"): every rule carries the help, tags, precision and security-severity GitHub shows and
 * sorts by, and every result a partial fingerprint so an alert survives code moving around it.
 */
import type { Finding, Severity } from '../finding/finding.js';
import type { RuleInfo, ScanResult } from '../scan-result.js';
import { describeCommit } from './commit.js';
import { describeVerification } from './verification.js';
import { TOOL_INFORMATION_URI, TOOL_NAME } from './tool.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Result locations are relative to this base, which the consumer resolves (GitHub: the checkout). */
const SOURCE_ROOT = '%SRCROOT%';

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

export function formatSarif(result: ScanResult): string {
  const ruleIndexes = new Map(result.rules.map((rule, index) => [rule.id, index]));
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
            rules: result.rules.map(toReportingDescriptor),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: result.summary.warnings.map((warning) => ({
              level: 'warning',
              message: { text: warning },
            })),
          },
        ],
        // Described but without a `uri`: the absolute root would tell readers about the machine,
        // and consumers such as GitHub resolve the base themselves.
        originalUriBaseIds: {
          [SOURCE_ROOT]: { description: { text: 'The directory keyguard scanned; result paths are relative to it.' } },
        },
        columnKind: 'utf16CodeUnits',
        results: result.findings.map((finding) => toResult(finding, ruleIndexes.get(finding.ruleId))),
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

function toResult(finding: Finding, ruleIndex: number | undefined) {
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    // A key its provider still accepts is an incident, whatever the rule's usual severity.
    level: finding.verification?.status === 'live' ? 'error' : LEVELS[finding.severity],
    message: { text: formatMessage(finding) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUriReference(finding.file), uriBaseId: SOURCE_ROOT },
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
          },
        },
      },
    ],
    // The fingerprint already names the rule, the file and the secret but not the line, so an
    // alert follows its secret when lines move, and repeats of one secret in a file are one alert.
    partialFingerprints: { primaryLocationLineHash: finding.fingerprint },
    ...(finding.commit || finding.clientExposure || finding.verification ? { properties: toResultProperties(finding) } : {}),
  };
}

/**
 * GitHub shows the first sentence as the alert's title, so the finding's own message leads. The
 * details go on lines of their own, where no added full stop can be mistaken for part of a secret.
 */
function formatMessage(finding: Finding): string {
  const lines = [finding.message];
  if (finding.secret !== '') lines.push(`Secret: ${finding.secret}`);
  if (finding.verification) lines.push(`Verified: ${describeVerification(finding.verification)}`);
  if (finding.clientExposure) lines.push(`Client-side exposure: ${finding.clientExposure.reason}`);
  if (finding.commit) lines.push(`Found in commit ${describeCommit(finding.commit)}`);
  return lines.join('\n');
}

function toResultProperties(finding: Finding) {
  const { commit, clientExposure, verification } = finding;
  return {
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
