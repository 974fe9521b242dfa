import { readFileSync } from 'node:fs';
import ajvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { formatSarif } from '../../src/report/sarif.js';
import {
  CLIENT_EXPOSED_FINDING,
  GENERIC_FINDING,
  HISTORY_FINDING,
  HYGIENE_FINDING,
  RULES,
  sampleResult,
} from './sample-result.js';
import { addUriAndDateFormats } from './schema-formats.js';

// The official OASIS schema, vendored unchanged (source and licence: test/schemas/README.md).
const schemaUrl = new URL('../schemas/sarif-schema-2.1.0.json', import.meta.url);
// A CommonJS module: under NodeNext its default import is module.exports, the class is `.default`.
const ajv = new ajvDraft04.default({ allErrors: true });
addUriAndDateFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaUrl, 'utf8')));

function sarifOf(...args: Parameters<typeof sampleResult>) {
  return JSON.parse(formatSarif(sampleResult(...args)));
}

describe('formatSarif', () => {
  it('matches the official SARIF 2.1.0 schema', () => {
    const log = sarifOf();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('matches the schema for a run without findings or warnings', () => {
    const log = sarifOf([], { warnings: [] });
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('describes the tool and a successful invocation with its warnings', () => {
    const log = sarifOf();
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    const [run] = log.runs;
    expect(run.tool.driver).toMatchObject({ name: 'keyguard', semanticVersion: '0.1.0' });
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    expect(run.invocations[0].executionSuccessful).toBe(true);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toContain('shallow clone');
  });

  it('describes every rule the way GitHub code scanning reads it', () => {
    const rules = sarifOf().runs[0].tool.driver.rules;
    expect(rules.map((rule: { id: string }) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    const [openai, , generic, hygiene] = rules;
    expect(openai).toMatchObject({
      id: 'openai-project-key',
      name: 'OpenAI project API key',
      shortDescription: { text: 'OpenAI project API key' },
      fullDescription: { text: 'An OpenAI project API key, which bills usage to the project.' },
      helpUri: 'https://platform.openai.com/api-keys',
      defaultConfiguration: { level: 'error' },
      properties: {
        tags: ['security', 'secret', 'openai', 'external/cwe/cwe-798'],
        precision: 'high',
        'security-severity': '9.5',
      },
    });
    expect(openai.help.text).toContain('Remediation: Revoke the key in the OpenAI dashboard');
    expect(openai.help.markdown).toContain('**Remediation:** Revoke the key');
    expect(openai.help.markdown).toContain('- <https://help.openai.com/en/articles/5112595>');
    expect(generic.properties).toMatchObject({ precision: 'medium', 'security-severity': '5.5' });
    expect(generic.defaultConfiguration.level).toBe('warning');
    expect(generic).not.toHaveProperty('helpUri');
    expect(hygiene.properties.tags).toEqual(['security', 'hygiene', 'git', 'external/cwe/cwe-540']);
  });

  it('reports a finding with its rule, level, relative location and fingerprint', () => {
    const [result] = sarifOf([CLIENT_EXPOSED_FINDING]).runs[0].results;
    expect(result).toMatchObject({
      ruleId: 'openai-project-key',
      ruleIndex: 0,
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'web/.env.production', uriBaseId: '%SRCROOT%' },
            region: {
              startLine: 3,
              startColumn: 21,
              endLine: CLIENT_EXPOSED_FINDING.endLine,
              endColumn: CLIENT_EXPOSED_FINDING.endColumn,
            },
          },
        },
      ],
      partialFingerprints: { primaryLocationLineHash: CLIENT_EXPOSED_FINDING.fingerprint },
      properties: { clientExposure: { reason: 'NEXT_PUBLIC_ variables are inlined into the browser bundle' } },
    });
    expect(result.message.text).toBe(
      [
        'OpenAI project API key found.',
        `Secret: ${CLIENT_EXPOSED_FINDING.secret}`,
        'Client-side exposure: NEXT_PUBLIC_ variables are inlined into the browser bundle',
      ].join('\n'),
    );
  });

  it('maps severities to levels: medium is a warning', () => {
    const [result] = sarifOf([GENERIC_FINDING]).runs[0].results;
    expect(result).toMatchObject({ ruleIndex: 2, level: 'warning' });
    expect(result.properties).toEqual({ 'security-severity': '5.5' });
  });

  it('puts the commit of a history finding in the message and the properties', () => {
    const [result] = sarifOf([HISTORY_FINDING]).runs[0].results;
    expect(result.message.text).toContain('\nFound in commit 4f2a9c1e7b3d by Jane Doe on 2024-05-01');
    expect(result.properties.commit).toEqual({
      sha: '4f2a9c1e7b3d5f60718293a4b5c6d7e8f9a0b1c2',
      author: 'Jane Doe',
      email: 'jane@example.com',
      date: '2024-05-01T09:30:00+02:00',
    });
  });

  it('encodes a path into a URI reference', () => {
    const [result] = sarifOf([HISTORY_FINDING]).runs[0].results;
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('scripts/old%20config%231.py');
  });

  it('reports a hygiene finding without a secret', () => {
    const [result] = sarifOf([HYGIENE_FINDING]).runs[0].results;
    expect(result).toMatchObject({ ruleId: 'env-file-tracked', ruleIndex: 3, level: 'error' });
    expect(result.message.text).toBe('.env is tracked by git.');
  });

  it('keeps the same fingerprint when the finding moves to another line', () => {
    const moved = { ...CLIENT_EXPOSED_FINDING, line: 40, endLine: 40 };
    const [before] = sarifOf([CLIENT_EXPOSED_FINDING]).runs[0].results;
    const [after] = sarifOf([moved]).runs[0].results;
    expect(after.partialFingerprints).toEqual(before.partialFingerprints);
  });

  it('leaves out the absolute root', () => {
    const result = sampleResult();
    expect(formatSarif(result)).not.toContain(result.root);
  });
});
