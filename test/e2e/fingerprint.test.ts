import { createHash, createHmac } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fakeKeys } from '../helpers/fake-keys.js';
import { makeRepo, makeTempDir, removeTestRepos, runGitIn } from '../helpers/git-repo.js';

afterAll(removeTestRepos);

interface Finding {
  ruleId: string;
  file: string;
  fingerprint: string;
}

function historyReport(dir: string, env: NodeJS.ProcessEnv = {}): { text: string; finding: Finding } {
  const run = runCli(['scan', '--history', '--format', 'json'], { cwd: dir, env: { KEYGUARD_FINGERPRINT_KEY: '', ...env } });
  expect(run.code).toBe(1);
  const findings = (JSON.parse(run.stdout) as { findings: Finding[] }).findings.filter((finding) => finding.ruleId === 'github-pat');
  expect(findings).toHaveLength(1);
  return { text: run.stdout, finding: findings[0]! };
}

/**
 * Fingerprints are keyed (issue 9, item 7): someone who holds a report and guesses a secret must
 * not be able to confirm the guess offline. The report alone must not give away the key, even a
 * `--history` report of a key committed in the repository's first commit, which names that commit.
 */
describe('fingerprints of a key in the root commit', () => {
  function repoWithKeyInRootCommit(): { dir: string; key: string } {
    const repo = makeRepo();
    const key = fakeKeys.github();
    repo.write('app.js', `const token = "${key}";\n`);
    repo.commit('first');
    repo.write('readme.md', 'more\n');
    repo.commit('second');
    return { dir: repo.dir, key };
  }

  it('cannot be recomputed from the report and the guessed secret', () => {
    const { dir, key } = repoWithKeyInRootCommit();
    const { text, finding } = historyReport(dir);
    const rootCommit = runGitIn(dir, ['rev-list', '--max-parents=0', 'HEAD']);
    expect(text).toContain(rootCommit);
    const message = `${finding.ruleId}\0${finding.file}\0${key}`;
    // Every id the report holds, each as a key alone and with keyguard's labels, and no key at all.
    const ids = [...new Set(text.match(/\b[0-9a-f]{7,40}\b/g) ?? [])];
    const candidates = ['', 'keyguard-fingerprint-v1', ...ids.flatMap((id) => [id, `keyguard-fingerprint-v1:${id}`, `keyguard-fingerprint-v2:${id}`])];
    const guesses = [createHash('sha256').update(message).digest('hex'), ...candidates.map((candidate) => createHmac('sha256', candidate).update(message).digest('hex'))];
    expect(guesses.map((guess) => guess.slice(0, 32))).not.toContain(finding.fingerprint);
  });

  it('is the same across runs and clones, and another with KEYGUARD_FINGERPRINT_KEY', () => {
    const { dir } = repoWithKeyInRootCommit();
    const { fingerprint } = historyReport(dir).finding;
    expect(historyReport(dir).finding.fingerprint).toBe(fingerprint);
    const clone = join(makeTempDir(), 'clone');
    runGitIn(dir, ['clone', '-q', dir, clone]);
    expect(historyReport(clone).finding.fingerprint).toBe(fingerprint);
    expect(historyReport(dir, { KEYGUARD_FINGERPRINT_KEY: 'team secret' }).finding.fingerprint).not.toBe(fingerprint);
  });
});
