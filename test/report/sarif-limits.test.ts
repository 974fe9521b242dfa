import { describe, expect, it } from 'vitest';
import { formatSarif, SARIF_MAX_RESULTS, sarifLimitWarning } from '../../src/report/sarif.js';
import { RAW_SECRETS, sampleResult, secretFinding } from './sample-result.js';

function parse(findings: Parameters<typeof sampleResult>[0]) {
  return JSON.parse(formatSarif(sampleResult(findings, { warnings: [] })));
}

describe('SARIF for GitHub code scanning', () => {
  it('keeps the most severe results within GitHub\'s limit and says so in the notifications', () => {
    const medium = Array.from({ length: SARIF_MAX_RESULTS }, (_, i) =>
      secretFinding('generic-api-key', `src/file${i}.js`, RAW_SECRETS.generic, { line: 1 }),
    );
    const critical = secretFinding('openai-project-key', 'zz/last.js', RAW_SECRETS.openai, { severity: 'critical' });
    const result = sampleResult([...medium, critical], { warnings: [] });
    const run = JSON.parse(formatSarif(result)).runs[0];
    expect(run.results).toHaveLength(SARIF_MAX_RESULTS);
    expect(run.results.at(-1).locations[0].physicalLocation.artifactLocation.uri).toBe('zz/last.js');
    const [notification] = run.invocations[0].toolExecutionNotifications;
    expect(notification.message.text).toContain(`${SARIF_MAX_RESULTS} most severe of ${SARIF_MAX_RESULTS + 1} findings`);
    expect(sarifLimitWarning(result)).toBe(notification.message.text);
    expect(sarifLimitWarning(sampleResult(medium))).toBeNull();
  });

  it('gives a finding whose severity differs from its rule a rule variant with that security-severity', () => {
    const raised = secretFinding('generic-api-key', 'web/app.js', RAW_SECRETS.generic, { severity: 'critical' });
    const run = parse([raised]).runs[0];
    const [result] = run.results;
    expect(result.ruleId).toBe('generic-api-key/critical');
    const rule = run.tool.driver.rules[result.ruleIndex];
    expect(rule.id).toBe('generic-api-key/critical');
    expect(rule.properties['security-severity']).toBe('9.5');
    expect(result.properties['security-severity']).toBe('9.5');
  });

  it('keeps a key repeated in one file as one alert per place', () => {
    const first = secretFinding('generic-api-key', 'a.js', RAW_SECRETS.generic, { line: 1 });
    const second = secretFinding('generic-api-key', 'a.js', RAW_SECRETS.generic, { line: 2 });
    const hashes = parse([first, second]).runs[0].results.map((r: { partialFingerprints: { primaryLocationLineHash: string } }) => r.partialFingerprints.primaryLocationLineHash);
    expect(new Set(hashes).size).toBe(2);
    expect(hashes[0]).toBe(first.fingerprint);
  });
});
