import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fakeKeys } from '../helpers/fake-keys.js';
import { makeRepo, removeTestRepos } from '../helpers/git-repo.js';

afterEach(removeTestRepos);

describe('a key in a commit message (never a second leak)', () => {
  it('is a finding of its own and is redacted in the commit summary of every format', () => {
    const key = fakeKeys.github();
    const repo = makeRepo();
    repo.write('README.md', '# app\n');
    repo.commit(`use token ${key} for now`);
    repo.write('src/a.js', `const token = "${fakeKeys.github()}";\n`);
    repo.commit('add client');

    const json = runCli(['scan', '--history', '--format', 'json'], { cwd: repo.dir });
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { findings: Array<{ file: string; commit: { summary: string } }> };
    const inMessage = report.findings.find((finding) => finding.file === '<commit message>');
    expect(inMessage?.commit.summary).toMatch(/^use token ghp_.*for now$/);
    for (const format of ['json', 'sarif', 'text']) {
      const run = runCli(['scan', '--history', '--format', format, '--verbose'], { cwd: repo.dir });
      expect(run.stdout + run.stderr, format).not.toContain(key);
      expect(run.stdout, format).toMatch(/commit(%20| )message/);
    }
    const shown = runCli(['scan', '--history', '--format', 'json', '--show-secrets'], { cwd: repo.dir });
    expect(shown.stdout).toContain(`use token ${key} for now`);
  });
});
