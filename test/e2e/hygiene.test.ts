import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fakeKeys } from '../helpers/fake-keys.js';

let dir: string;
const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' });
}

function write(path: string, content: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
}

interface HygieneFinding {
  ruleId: string;
  file: string;
  kind: string;
  remedy: string;
}

function findings(): HygieneFinding[] {
  const run = runCli(['scan', '--format', 'json'], { cwd: dir, env: GIT_ENV });
  return (JSON.parse(run.stdout) as { findings: HygieneFinding[] }).findings;
}

function ruleIds(): string[] {
  return findings().map((finding) => `${finding.ruleId} ${finding.file}`);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'keyguard-hygiene-'));
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Test');
  git('config', 'user.email', 'test@example.com');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('repository hygiene', () => {
  it('reports a tracked .env even when .gitignore now lists it, and scans its contents', () => {
    write('.env', `GITHUB_TOKEN=${fakeKeys.github()}\n`);
    git('add', '.env');
    git('commit', '-qm', 'add env');
    write('.gitignore', '.env\n');
    expect(ruleIds().sort()).toEqual(['env-file-tracked .env', 'github-pat .env'].sort());
  });

  it('reports an untracked env file that no ignore rule covers, naming the line to add', () => {
    write('.gitignore', 'node_modules/\n');
    write('apps/web/.env.local', 'DEBUG=1\n');
    const [finding] = findings();
    expect(finding).toMatchObject({ ruleId: 'gitignore-missing-entry', file: 'apps/web/.env.local' });
    expect(finding!.remedy).toContain('.gitignore');
    expect(finding!.remedy).toContain('.env.local');
  });

  it('judges coverage as git does: wildcards, negations and nested ignore files', () => {
    write('.gitignore', '.env*\n!.env.production\n');
    write('.env.development', 'A=1\n');
    write('.env.production', 'A=1\n');
    write('services/api/.gitignore', '*.env\n');
    write('services/api/prod.env', 'A=1\n');
    write('.env.example', 'A=\n');
    expect(ruleIds()).toEqual(['gitignore-missing-entry .env.production']);
  });

  it('honours .git/info/exclude and core.excludesFile', () => {
    write('.git/info/exclude', '.env\n');
    write('.env', 'A=1\n');
    write('global-ignore', '.env.local\n');
    git('config', 'core.excludesFile', join(dir, 'global-ignore'));
    write('.env.local', 'A=1\n');
    write('.gitignore', 'global-ignore\n');
    expect(ruleIds()).toEqual([]);
  });

  it('reports .gitignore itself when the project loads dotenv but would not ignore .env', () => {
    write('package.json', JSON.stringify({ name: 'app', dependencies: { dotenv: '^16.0.0' } }));
    expect(ruleIds()).toEqual(['gitignore-missing-entry .gitignore']);
    write('.gitignore', '.env\n');
    expect(ruleIds()).toEqual([]);
  });

  it('does not report templates as hygiene findings but still scans them', () => {
    write('.gitignore', '.env\n');
    write('.env.example', `OPENAI_API_KEY=${fakeKeys.openaiProject()}\n`);
    git('add', '-A');
    git('commit', '-qm', 'template');
    expect(ruleIds().map((id) => id.split(' ')[1])).toEqual(['.env.example']);
    expect(ruleIds()[0]).toMatch(/^openai-/);
  });
});
