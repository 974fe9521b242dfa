import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fakeKeys } from '../helpers/fake-keys.js';
import { makeRepo, removeTestRepos, type TestRepo } from '../helpers/git-repo.js';

const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
let repo: TestRepo;

interface HygieneFinding {
  ruleId: string;
  file: string;
  kind: string;
  remedy: string;
}

function findings(): HygieneFinding[] {
  const run = runCli(['scan', '--format', 'json'], { cwd: repo.dir, env: GIT_ENV });
  return (JSON.parse(run.stdout) as { findings: HygieneFinding[] }).findings;
}

function ruleIds(): string[] {
  return findings().map((finding) => `${finding.ruleId} ${finding.file}`);
}

beforeEach(() => {
  repo = makeRepo();
});
afterEach(removeTestRepos);

describe('repository hygiene', () => {
  it('reports a tracked .env even when .gitignore now lists it, and scans its contents', () => {
    repo.write('.env', `GITHUB_TOKEN=${fakeKeys.github()}\n`);
    repo.git('add', '.env');
    repo.git('commit', '-qm', 'add env');
    repo.write('.gitignore', '.env\n');
    expect(ruleIds().sort()).toEqual(['env-file-tracked .env', 'github-pat .env'].sort());
  });

  it('reports an untracked env file that no ignore rule covers, naming the line to add', () => {
    repo.write('.gitignore', 'node_modules/\n');
    repo.write('apps/web/.env.local', 'DEBUG=1\n');
    const [finding] = findings();
    expect(finding).toMatchObject({ ruleId: 'gitignore-missing-entry', file: 'apps/web/.env.local' });
    expect(finding!.remedy).toContain('.gitignore');
    expect(finding!.remedy).toContain('`.env*`');
  });

  it('judges coverage as git does: wildcards, negations and nested ignore files', () => {
    repo.write('.gitignore', '.env*\n!.env.production\n');
    repo.write('.env.development', 'A=1\n');
    repo.write('.env.production', 'A=1\n');
    repo.write('services/api/.gitignore', '*.env\n');
    repo.write('services/api/prod.env', 'A=1\n');
    repo.write('.env.example', 'A=\n');
    expect(ruleIds()).toEqual(['gitignore-missing-entry .env.production']);
  });

  it('honours .git/info/exclude and core.excludesFile', () => {
    repo.write('.git/info/exclude', '.env\n');
    repo.write('.env', 'A=1\n');
    repo.write('global-ignore', '.env.local\n');
    repo.git('config', 'core.excludesFile', join(repo.dir, 'global-ignore'));
    repo.write('.env.local', 'A=1\n');
    repo.write('.gitignore', 'global-ignore\n');
    expect(ruleIds()).toEqual([]);
  });

  it('reports .gitignore itself when the project loads dotenv but would not ignore .env', () => {
    repo.write('package.json', JSON.stringify({ name: 'app', dependencies: { dotenv: '^16.0.0' } }));
    expect(ruleIds()).toEqual(['gitignore-missing-entry .gitignore']);
    repo.write('.gitignore', '.env\n');
    expect(ruleIds()).toEqual([]);
  });

  it('does not report templates as hygiene findings but still scans them', () => {
    repo.write('.gitignore', '.env\n');
    repo.write('.env.example', `OPENAI_API_KEY=${fakeKeys.openaiProject()}\n`);
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'template');
    expect(ruleIds().map((id) => id.split(' ')[1])).toEqual(['.env.example']);
    expect(ruleIds()[0]).toMatch(/^openai-/);
  });

  it('scans tracked files that .gitignore hides, but not those .keyguardignore exempts', () => {
    repo.write('generated/config.js', `token = "${fakeKeys.github()}"\n`);
    repo.write('fixtures/keys.txt', `token = "${fakeKeys.github()}"\n`);
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'files');
    repo.write('.gitignore', 'generated/\nfixtures/\n');
    repo.write('.keyguardignore', 'fixtures/\n');
    expect(ruleIds()).toEqual(['github-pat generated/config.js']);
  });
});
