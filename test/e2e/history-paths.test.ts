import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fakeKeys } from '../helpers/fake-keys.js';
import { makeRepo, removeTestRepos } from '../helpers/git-repo.js';

/**
 * History reports every place a secret was written: one blob that a commit introduces at several
 * paths is reported at each of them, while a later copy, move or rename stays one finding at the
 * first introduction.
 */
interface JsonReport {
  findings: Array<{ ruleId: string; file: string; line: number; fingerprint: string; commit: { summary: string } | null }>;
  summary: { blobsScanned: number | null };
}

afterEach(removeTestRepos);

function scanHistory(cwd: string): JsonReport {
  const run = runCli(['scan', '--history', '--format', 'json'], { cwd });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as JsonReport;
}

const located = (report: JsonReport): string[] =>
  report.findings.filter((finding) => finding.ruleId === 'github-pat').map((finding) => `${finding.file}:${finding.line} @${finding.commit?.summary}`).sort();

describe('keyguard scan --history, one blob at several paths', () => {
  it('reports each path a commit introduced the same bytes at, from one scan of the blob', () => {
    const repo = makeRepo();
    repo.write('README.md', '# app\n');
    repo.commit('initial');
    const config = `# settings\nexport GITHUB_TOKEN=${fakeKeys.github()}\n`;
    repo.write('deploy/staging/settings.sh', config);
    repo.write('deploy/production/settings.sh', config);
    repo.commit('settings for both environments');

    const report = scanHistory(repo.dir);
    expect(located(report)).toEqual([
      'deploy/production/settings.sh:2 @settings for both environments',
      'deploy/staging/settings.sh:2 @settings for both environments',
    ]);
    // Two blobs in all (README and settings): the copy was not read or scanned again.
    expect(report.summary.blobsScanned).toBe(2);
    const [first, second] = report.findings;
    expect(first!.fingerprint).not.toBe(second!.fingerprint);
  });

  it('keeps a later copy, move or rename as one finding at the first introduction', () => {
    const repo = makeRepo();
    const config = `export GITHUB_TOKEN=${fakeKeys.github()}\n`;
    repo.write('config/settings.sh', config);
    repo.commit('add settings');
    repo.git('mv', 'config/settings.sh', 'config/env.sh');
    repo.commit('rename settings');
    repo.write('backup/env.sh', config);
    repo.commit('back up the settings');

    expect(located(scanHistory(repo.dir))).toEqual(['config/settings.sh:1 @add settings']);
  });
});
