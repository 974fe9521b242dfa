import { existsSync, lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fakeKeys } from '../helpers/fake-keys.js';
import { makeRepo, makeTempDir, removeTestRepos, type TestRepo } from '../helpers/git-repo.js';

const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
let repo: TestRepo;

function fix(...args: string[]) {
  return runCli(['fix', ...args], { cwd: repo.dir, env: GIT_ENV });
}

function scanRuleIds(): string[] {
  const run = runCli(['scan', '--format', 'json'], { cwd: repo.dir, env: GIT_ENV });
  return (JSON.parse(run.stdout) as { findings: { ruleId: string; file: string }[] }).findings.map((f) => `${f.ruleId} ${f.file}`);
}

function gitignore(path = '.gitignore'): string {
  return readFileSync(join(repo.dir, path), 'utf8');
}

beforeEach(() => {
  repo = makeRepo();
});
afterEach(removeTestRepos);

describe('keyguard fix', () => {
  it('adds the entry the hygiene finding suggests, keeping templates and the file content', () => {
    repo.write('.gitignore', 'node_modules/\ndist');
    repo.write('.env.local', 'DEBUG=1\n');
    repo.write('.env.example', 'DEBUG=\n');
    const suggestion = JSON.parse(runCli(['scan', '--format', 'json'], { cwd: repo.dir, env: GIT_ENV }).stdout).findings[0].remedy as string;
    expect(suggestion).toContain('`.env*` and `!.env.example`');

    const run = fix();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('.gitignore: added `.env*` and `!.env.example`');
    expect(gitignore()).toMatch(/^node_modules\/\ndist\n\n# .*keyguard fix.*\n\.env\*\n!\.env\.example\n$/);
    expect(repo.git('check-ignore', '.env.local')).toBe('.env.local');
    expect(repo.git('status', '--porcelain', '--untracked-files=all')).toContain('?? .env.example');
    expect(scanRuleIds()).toEqual([]);
  });

  it('creates .gitignore when there is none', () => {
    repo.write('.env', 'APP_NAME=MyApp\n');
    expect(fix().stdout).toContain('.gitignore: created it with `.env*`');
    expect(gitignore()).toContain('\n.env*\n');
  });

  it('untracks a committed .env, keeps it on disk, leaves other staged changes alone, and says to rotate', () => {
    const key = fakeKeys.github();
    repo.write('.env', `GITHUB_TOKEN=${key}\n`);
    repo.write('src/app.js', 'console.log(1);\n');
    repo.commit('add env');
    repo.write('src/app.js', 'console.log(2);\n');
    repo.git('add', 'src/app.js');
    const envBefore = readFileSync(join(repo.dir, '.env'), 'utf8');

    const run = fix();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('.env: stopped tracking it (git rm --cached); the file stays on disk');
    expect(run.stdout).toMatch(/Rotate the keys this file held \(git history still has them/);
    expect(run.stdout).toContain('.env:1:14');
    expect(run.stdout).not.toContain(key);
    expect(readFileSync(join(repo.dir, '.env'), 'utf8')).toBe(envBefore);
    expect(repo.git('ls-files', '.env')).toBe('');
    expect(repo.git('diff', '--cached', '--name-status').split('\n').sort()).toEqual(['D\t.env', 'M\tsrc/app.js']);
  });

  it('writes to the nearest .gitignore and keeps CRLF line endings', () => {
    repo.write('.gitignore', 'node_modules/\n');
    repo.write('services/api/.gitignore', 'build/\r\n');
    repo.write('services/api/prod.env', 'PORT=1\n');
    expect(fix().code).toBe(0);
    expect(gitignore()).toBe('node_modules/\n');
    expect(gitignore('services/api/.gitignore')).toMatch(/^build\/\r\n\r\n# [^\r\n]*\r\n\*\.env\r\n$/);
    expect(repo.git('check-ignore', 'services/api/prod.env')).toBe('services/api/prod.env');
  });

  it('finds nothing to do on a second run', () => {
    repo.write('.env', 'A=1\n');
    repo.commit('env');
    expect(fix().stdout).toContain('made 2 change(s)');
    const second = fix();
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('nothing to do');
  });

  it('changes nothing with --dry-run', () => {
    repo.write('.gitignore', 'x\n');
    repo.write('.env', 'A=1\n');
    repo.commit('env');
    const run = fix('--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('would make 2 change(s); nothing was changed');
    expect(run.stdout).toContain('.gitignore: would add `.env*`');
    expect(gitignore()).toBe('x\n');
    expect(repo.git('ls-files', '.env')).toBe('.env');
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('never edits code: keys in code get rotation steps with the provider link', () => {
    repo.write('src/client.js', `const token = "${fakeKeys.github()}";\n`);
    const before = readFileSync(join(repo.dir, 'src/client.js'), 'utf8');
    const run = fix();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('nothing to do');
    expect(run.stdout).toContain('keyguard fix never edits source code');
    expect(run.stdout).toMatch(/GitHub: src\/client\.js:1:\d+\n\s+1\. Create a new key and revoke the old one: https:\/\//);
    expect(readFileSync(join(repo.dir, 'src/client.js'), 'utf8')).toBe(before);
  });

  it('exits 2 with one line outside a git repository', () => {
    const dir = makeTempDir();
    const run = runCli(['fix'], { cwd: dir, env: GIT_ENV });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('not inside a git repository');
    expect(existsSync(join(dir, '.gitignore'))).toBe(false);
  });
});

describe('keyguard fix and symbolic links', () => {
  it('refuses a .gitignore that is a link leading out of the repository, and changes nothing', () => {
    const outside = join(makeTempDir('keyguard-outside-'), 'global-ignore');
    writeFileSync(outside, 'node_modules/\n');
    symlinkSync(outside, join(repo.dir, '.gitignore'));
    repo.write('.env', 'DEBUG=1\n');
    const run = fix();
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('keyguard: refusing to change .gitignore: it is a symbolic link that leads outside the repository; nothing was changed');
    expect(readFileSync(outside, 'utf8')).toBe('node_modules/\n');
    expect(lstatSync(join(repo.dir, '.gitignore')).isSymbolicLink()).toBe(true);
  });
});
