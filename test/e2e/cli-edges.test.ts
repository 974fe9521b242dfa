import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';
import { fakeKeys } from '../helpers/fake-keys.js';
import { makeRepo, makeTempDir, removeTestRepos } from '../helpers/git-repo.js';

afterAll(removeTestRepos);

describe('command-line edges (issue 9, low)', () => {
  it('no command: usage on stderr, exit 2 (a CI step `npx keyguard` must not pass)', () => {
    const run = runCli([], { cwd: makeTempDir() });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/Usage: keyguard/);
  });

  it('help for an unknown command is a usage error (exit 2), help for a known one exit 0', () => {
    const unknown = runCli(['help', 'scna'], { cwd: makeTempDir() });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Usage: keyguard/);
    const known = runCli(['help', 'scan'], { cwd: makeTempDir() });
    expect(known.code).toBe(0);
    expect(known.stdout).toMatch(/Usage: keyguard scan/);
  });

  it.each(['0x10', '1e3', ' 5', '-1', '0'])('--max-file-size %j is refused (decimal only)', (value) => {
    const run = runCli(['scan', '--max-file-size', value], { cwd: makeTempDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--max-file-size expects a positive number/);
  });

  it('a write error on stdout is one line on stderr and exit 2, no stack trace', () => {
    const folder = makeTempDir();
    writeFileSync(path.join(folder, 'a.txt'), 'plain text\n'.repeat(10));
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [CLI, 'scan', folder, '--format', 'json'], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toEqual(['keyguard: cannot write to stdout: ENOSPC']);
    } finally {
      closeSync(full);
    }
  });
});

describe('paths echoed back', () => {
  it('shows an escape sequence in a path argument as \\u001b, not raw', () => {
    const run = runCli(['scan', 'no-such-\u001b[2Jfolder'], { cwd: makeTempDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('\u001b');
    expect(run.stderr).toContain('no-such-\\u001b[2Jfolder');
  });

  it('shows it escaped in init and baseline messages too', () => {
    const repo = makeRepo();
    const init = runCli(['init', 'no-such-\u001b[2Jfolder'], { cwd: repo.dir });
    expect(init.code).toBe(2);
    expect(init.stderr).toContain('no-such-\\u001b[2Jfolder');
    const baseline = runCli(['baseline', '--output', 'base-\u001b[2J.json'], { cwd: repo.dir });
    expect(baseline.code).toBe(0);
    expect(baseline.stderr).toContain('base-\\u001b[2J.json');
    expect(init.stderr + baseline.stderr).not.toContain('\u001b');
  });
});

describe('unusual input (issue 9, low)', () => {
  function compact(folder: string, ...args: string[]): string {
    return runCli(['scan', folder, '--format', 'compact', ...args], { cwd: folder }).stdout;
  }

  it('a UTF-8 byte order mark does not shift columns', () => {
    const folder = makeTempDir();
    writeFileSync(path.join(folder, 'bom.js'), `\uFEFFconst t = "${fakeKeys.github()}";\n`);
    expect(compact(folder)).toMatch(/^bom\.js:1:12 /);
  });

  it('a file with CR-only line breaks reports the right line', () => {
    const folder = makeTempDir();
    writeFileSync(path.join(folder, 'mac.js'), `// one\r// two\rconst t = "${fakeKeys.github()}";\r`);
    expect(compact(folder)).toMatch(/^mac\.js:3:12 /);
  });

  it('a .keyguardignore of * is not silent: the summary counts what it exempted, --verbose lists it', () => {
    const folder = makeTempDir();
    mkdirSync(path.join(folder, 'app'));
    writeFileSync(path.join(folder, 'app', '.keyguardignore'), '*\n');
    writeFileSync(path.join(folder, 'app', 'config.js'), `const t = "${fakeKeys.github()}";\n`);
    const run = runCli(['scan', '.'], { cwd: folder });
    expect(run.stdout).toContain('Skipped 2 files: exempted by .keyguardignore');
    const verbose = runCli(['scan', '.', '--verbose'], { cwd: folder });
    expect(verbose.stdout).toContain('app/config.js  exempted by .keyguardignore');
  });
});
