import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { fakeKeys } from '../helpers/fake-keys.js';
import { makeRepo, removeTestRepos, type TestRepo } from '../helpers/git-repo.js';

const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
let repo: TestRepo;

beforeEach(() => {
  repo = makeRepo();
});
afterEach(removeTestRepos);

describe('reports in a team\'s tools', () => {
  it('SARIF from a subfolder scan of a monorepo has URIs relative to the repository root', () => {
    repo.write('frontend/src/api.js', `const token = "${fakeKeys.github()}";\n`);
    repo.write('backend/app.py', 'print(1)\n');
    const run = runCli(['scan', '.', '--format', 'sarif'], { cwd: join(repo.dir, 'frontend'), env: GIT_ENV });
    expect(run.code).toBe(1);
    const sarif = JSON.parse(run.stdout);
    const uris = sarif.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation);
    expect(uris).toEqual([{ uri: 'frontend/src/api.js', uriBaseId: '%SRCROOT%' }]);
  });

  it('--format compact prints one redacted line per finding', () => {
    const key = fakeKeys.github();
    repo.write('src/a.js', `const a = "${key}";\n`);
    repo.write('.env', 'A=1\n');
    const run = runCli(['scan', '--format', 'compact'], { cwd: repo.dir, env: GIT_ENV });
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('.env:1:1 low gitignore-missing-entry');
    expect(lines[1]).toMatch(/^src\/a\.js:1:12 \w+ github-pat \S+$/);
    expect(run.stdout).not.toContain(key);
  });

  it('--fail-on says in the summary which findings did not fail the run', () => {
    repo.write('.env', 'A=1\n');
    const run = runCli(['scan', '--fail-on', 'high'], { cwd: repo.dir, env: GIT_ENV });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 finding did not fail the run: they are below --fail-on high');
  });
});
