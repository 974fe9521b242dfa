import { closeSync, openSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';
import { makeTempDir, removeTestRepos } from '../helpers/git-repo.js';

afterAll(removeTestRepos);

describe('command-line edges (issue 9, low)', () => {
  it('no command: usage on stderr, exit 2 (a CI step `npx keyguard` must not pass)', () => {
    const run = runCli([], { cwd: makeTempDir() });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/Usage: keyguard/);
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
});
