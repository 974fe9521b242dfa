/**
 * ScanResults built in code for the reporter tests. Secret values are assembled at run time so
 * this file holds nothing key-shaped and the repository passes its own scan.
 */
import { SEVERITIES, type Finding, type Severity } from '../../src/finding/finding.js';
import { fingerprintOf } from '../../src/finding/fingerprint.js';
import { redactSecret } from '../../src/finding/redact.js';
import type { RuleInfo, ScanResult, ScanSummary } from '../../src/scan-result.js';

/** The unredacted values behind the sample findings: no report may contain them. */
export const RAW_SECRETS = {
  openai: 'sk-' + 'proj-' + 'Q7mZ'.repeat(30) + 'T3xW',
  anthropic: 'sk-' + 'ant-' + 'api03-' + 'Hk9v'.repeat(24) + 'Lp2Q',
  generic: 'h4Tq' + 'x7Nb'.repeat(6),
};

export const RULES: RuleInfo[] = [
  {
    id: 'openai-project-key',
    name: 'OpenAI project API key',
    provider: 'openai',
    severity: 'critical',
    description: 'An OpenAI project API key, which bills usage to the project.',
    references: ['https://platform.openai.com/api-keys', 'https://help.openai.com/en/articles/5112595'],
    category: 'secret',
    remedy: 'Revoke the key in the OpenAI dashboard, then load a new one from the environment.',
  },
  {
    id: 'anthropic-api-key',
    name: 'Anthropic API key',
    provider: 'anthropic',
    severity: 'high',
    description: 'An Anthropic API key.',
    references: ['https://console.anthropic.com/settings/keys'],
    category: 'secret',
  },
  {
    id: 'generic-api-key',
    name: 'Generic API key',
    provider: 'generic',
    severity: 'medium',
    description: 'A high-entropy value assigned to a name that looks like an API key.',
    references: [],
    category: 'secret',
    generic: true,
  },
  {
    id: 'env-file-tracked',
    name: 'Tracked .env file',
    provider: 'git',
    severity: 'high',
    description: 'A .env file is tracked by git, so every clone gets its secrets.',
    references: ['https://git-scm.com/docs/git-rm'],
    category: 'hygiene',
    remedy: 'Run git rm --cached on the file and add it to .gitignore.',
  },
];

function ruleById(id: string): RuleInfo {
  const rule = RULES.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`no sample rule ${id}`);
  return rule;
}

/** A Finding as the detector would make it: redacted secret, fingerprint of the raw one. */
export function secretFinding(
  ruleId: string,
  file: string,
  rawSecret: string,
  overrides: Partial<Finding> = {},
): Finding {
  const rule = ruleById(ruleId);
  return {
    ruleId,
    ruleName: rule.name,
    provider: rule.provider,
    severity: rule.severity,
    kind: 'secret',
    file,
    line: 3,
    column: 21,
    endLine: 3,
    endColumn: 21 + rawSecret.length,
    secret: redactSecret(rawSecret),
    fingerprint: fingerprintOf('sample-key', ruleId, file, rawSecret),
    message: `${rule.name} found.`,
    remedy: rule.remedy ?? 'Revoke the key and issue a new one.',
    references: rule.references,
    commit: null,
    clientExposure: null,
    decodedFrom: null,
    ...overrides,
  };
}

export const CLIENT_EXPOSED_FINDING = secretFinding('openai-project-key', 'web/.env.production', RAW_SECRETS.openai, {
  clientExposure: { reason: 'NEXT_PUBLIC_ variables are inlined into the browser bundle' },
});

export const GENERIC_FINDING = secretFinding('generic-api-key', 'web/.env.production', RAW_SECRETS.generic, {
  line: 7,
  column: 9,
  endLine: 7,
  endColumn: 9 + RAW_SECRETS.generic.length,
  message: 'A value assigned to PAYMENTS_API_KEY looks like a secret.',
});

export const HISTORY_FINDING = secretFinding('anthropic-api-key', 'scripts/old config#1.py', RAW_SECRETS.anthropic, {
  line: 12,
  column: 11,
  endLine: 12,
  endColumn: 11 + RAW_SECRETS.anthropic.length,
  commit: {
    sha: '4f2a9c1e7b3d5f60718293a4b5c6d7e8f9a0b1c2',
    author: 'Jane Doe',
    email: 'jane@example.com',
    date: '2024-05-01T09:30:00+02:00',
    summary: 'Add the import script',
  },
});

export const HYGIENE_FINDING: Finding = {
  ruleId: 'env-file-tracked',
  ruleName: 'Tracked .env file',
  provider: 'git',
  severity: 'high',
  kind: 'hygiene',
  file: '.env',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 1,
  secret: '',
  fingerprint: fingerprintOf('sample-key', 'env-file-tracked', '.env', ''),
  message: '.env is tracked by git.',
  remedy: 'Run git rm --cached .env and add it to .gitignore.',
  references: ['https://git-scm.com/docs/git-rm'],
  commit: null,
  clientExposure: null,
  decodedFrom: null,
};

export const ALL_FINDINGS = [CLIENT_EXPOSED_FINDING, HISTORY_FINDING, GENERIC_FINDING, HYGIENE_FINDING];

function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

export function sampleSummary(findings: Finding[], overrides: Partial<ScanSummary> = {}): ScanSummary {
  return {
    mode: 'history',
    findings: findings.length,
    bySeverity: countBySeverity(findings),
    filesScanned: 1234,
    bytesScanned: 5_678_901,
    filesSkipped: 2,
    skipped: [
      { path: 'assets/logo.png', reason: 'binary' },
      { path: 'db/dump.sql', reason: 'too-large', detail: '12 MB, over the 10 MB limit' },
    ],
    commitsScanned: 12,
    blobsScanned: 40,
    suppressed: { inline: 0, config: 0, baseline: 0 },
    durationMs: 1530,
    warnings: ['shallow clone: history before 2024-04-01 was not scanned'],
    incomplete: false,
    unread: [],
    ...overrides,
  };
}

export function sampleResult(findings: Finding[] = ALL_FINDINGS, summary: Partial<ScanSummary> = {}): ScanResult {
  return {
    root: '/home/jane/projects/shop',
    findings,
    summary: sampleSummary(findings, summary),
    rules: RULES,
    toolVersion: '0.1.0',
  };
}
