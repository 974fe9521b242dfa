import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fixtureNames, layOutFixture } from '../helpers/fixtures.js';
import { makeRepo, removeTestRepos } from '../helpers/git-repo.js';

const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

/** What `keyguard scan` reports on each sample project once it is committed: rule, file, line. */
const EXPECTED: Record<string, { findings: string[]; exitCode: number }> = {
  'clean-app': { findings: [], exitCode: 0 },
  'nextjs-leaky': {
    findings: [
      'env-file-tracked .env:1',
      'openai-project-key .env:3',
      'openai-dangerously-allow-browser src/lib/openai.ts:6',
    ],
    exitCode: 1,
  },
  'python-service': {
    findings: [
      'anthropic-api-key app/settings.py:5',
      'private-key deploy/id_ed25519:1',
      'aws-access-key-id deploy/upload.sh:2',
      'aws-secret-access-key deploy/upload.sh:3',
    ],
    exitCode: 1,
  },
};

afterEach(removeTestRepos);

describe('sample projects in fixtures/', () => {
  it('each have their expected findings listed here', () => {
    expect(fixtureNames()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s: keyguard scan reports exactly the expected findings', (name, expected) => {
    const repo = makeRepo();
    const files = layOutFixture(name, repo.dir);
    expect(files.length).toBeGreaterThan(2);
    repo.commit(`${name} sample`);
    const run = runCli(['scan', '--format', 'json'], { cwd: repo.dir, env: GIT_ENV });
    const report = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; file: string; line: number }> };
    expect(report.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}`)).toEqual(expected.findings);
    expect(run.code).toBe(expected.exitCode);
  });

  it('lay out the same files on every run (the seed is the fixture and path)', () => {
    const [first, second] = [makeRepo(), makeRepo()];
    layOutFixture('nextjs-leaky', first.dir);
    layOutFixture('nextjs-leaky', second.dir);
    expect(first.git('hash-object', '.env')).toBe(second.git('hash-object', '.env'));
  });
});
