import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeRepo, makeTempDir, removeTestRepos } from '../helpers/git-repo.js';
import { forgeP12 } from '../helpers/pkcs12.js';

afterAll(removeTestRepos);

interface Report {
  findings: Array<{ ruleId: string; file: string; secret: string; severity: string }>;
}

function scanJson(cwd: string, ...args: string[]): { code: number; report: Report; output: string } {
  const run = runCli(['scan', '--format', 'json', ...args], { cwd });
  return { code: run.code, report: JSON.parse(run.stdout) as Report, output: run.stdout };
}

describe('a Google Cloud .p12 key file', () => {
  it('is reported when it opens with the default password, without anything from inside it', () => {
    const dir = makeTempDir('keyguard-p12-');
    mkdirSync(join(dir, 'keys'));
    writeFileSync(join(dir, 'keys', 'service-account.p12'), forgeP12('notasecret'));
    writeFileSync(join(dir, 'keys', 'other.p12'), forgeP12('a-password-the-team-chose'));
    const { code, report } = scanJson(dir, '.');
    expect(report.findings.map((finding) => `${finding.ruleId} ${finding.file} ${finding.severity}`)).toEqual(['gcp-p12-key-file keys/service-account.p12 critical']);
    expect(report.findings[0]!.secret).toBe('');
    expect(code).toBe(1);
  });

  it('is reported when committed to history', () => {
    const repo = makeRepo();
    repo.write('deploy/key.p12', forgeP12('notasecret'));
    repo.commit('add the deploy key');
    repo.git('rm', '-q', 'deploy/key.p12');
    repo.commit('remove the deploy key');
    const { report } = scanJson(repo.dir, '--history');
    expect(report.findings.filter((finding) => finding.ruleId === 'gcp-p12-key-file').map((finding) => finding.file)).toEqual(['deploy/key.p12']);
  });
});
