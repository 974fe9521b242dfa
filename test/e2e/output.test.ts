import { existsSync, lstatSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fakeKeys } from '../helpers/fake-keys.js';
import { makeTempDir, removeTestRepos } from '../helpers/git-repo.js';

afterAll(removeTestRepos);

function project(): { dir: string; outside: string } {
  const dir = makeTempDir('keyguard-output-');
  const outside = join(makeTempDir('keyguard-outside-'), 'precious.txt');
  writeFileSync(outside, 'do not overwrite\n');
  writeFileSync(join(dir, 'app.js'), `const key = "${fakeKeys.openaiProject()}";\n`);
  return { dir, outside };
}

describe('--output', () => {
  it('refuses a symbolic link that leads outside its folder, and leaves the file it points at alone', () => {
    const { dir, outside } = project();
    symlinkSync(outside, join(dir, 'keyguard.sarif'));
    const run = runCli(['scan', 'app.js', '--format', 'sarif', '--output', 'keyguard.sarif'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/refusing to write keyguard\.sarif: it is a symbolic link that leads outside its folder/);
    expect(readFileSync(outside, 'utf8')).toBe('do not overwrite\n');
  });

  it('writes the report whole, by rename, leaving no temp file behind', () => {
    const { dir } = project();
    writeFileSync(join(dir, 'report.json'), 'the previous report\n');
    const run = runCli(['scan', 'app.js', '--format', 'json', '--output', 'report.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).findings).toHaveLength(1);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('a write that stops short (a file size limit) keeps the previous report whole and exits 2, never a truncated report', () => {
    const dir = makeTempDir('keyguard-output-');
    for (let i = 0; i < 60; i++) writeFileSync(join(dir, `f${i}.js`), `token = "${fakeKeys.github()}"\n`);
    const first = runCli(['scan', '.', '--format', 'json', '--output', 'report.json'], { cwd: dir });
    expect(first.code).toBe(1);
    const previous = readFileSync(join(dir, 'report.json'));
    expect(previous.length).toBeGreaterThan(32 * 1024);
    const run = runCli(['scan', '.', '--format', 'json', '--output', 'report.json'], { cwd: dir, fileSizeLimitKb: 16 });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^keyguard: cannot write report\.json: EFBIG$/m);
    expect(readFileSync(join(dir, 'report.json'))).toEqual(previous);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces a link that stays inside its folder instead of writing through it', () => {
    const { dir } = project();
    writeFileSync(join(dir, 'notes.txt'), 'notes\n');
    symlinkSync('notes.txt', join(dir, 'out.json'));
    const run = runCli(['scan', 'app.js', '--format', 'json', '--output', 'out.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(lstatSync(join(dir, 'out.json')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('notes\n');
    expect(existsSync(join(dir, 'out.json'))).toBe(true);
  });
});

describe('--output onto a file the scan reads', () => {
  it('refuses to replace a scanned file that is not a keyguard report, and leaves it as it was', () => {
    const { dir } = project();
    const before = readFileSync(join(dir, 'app.js'), 'utf8');
    const run = runCli(['scan', '.', '--format', 'json', '--output', 'app.js'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('keyguard: refusing to write app.js: it is a file the scan reads and not an earlier keyguard report (choose another --output)');
    expect(readFileSync(join(dir, 'app.js'), 'utf8')).toBe(before);
  });

  it.each(['sarif', 'json', 'text', 'compact'])('replaces its own earlier %s report on a re-run, and never scans it', (format) => {
    const { dir } = project();
    const output = `keyguard.${format}`;
    const first = runCli(['scan', '.', '--format', format, '--output', output], { cwd: dir });
    expect(first.code).toBe(1);
    const second = runCli(['scan', '.', '--format', format, '--output', output], { cwd: dir });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`1 finding(s); report written to ${output}`);
  });

  it('leaves the report file out of the scan: the summary counts only the scanned file', () => {
    const { dir } = project();
    runCli(['scan', '.', '--format', 'json', '--output', 'report.json'], { cwd: dir });
    runCli(['scan', '.', '--format', 'json', '--output', 'report.json'], { cwd: dir });
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).summary.filesScanned).toBe(1);
  });

  it('replaces a file outside what is scanned as before', () => {
    const { dir } = project();
    const elsewhere = makeTempDir('keyguard-report-');
    writeFileSync(join(elsewhere, 'notes.txt'), 'old notes\n');
    const run = runCli(['scan', 'app.js', '--format', 'json', '--output', join(elsewhere, 'notes.txt')], { cwd: dir });
    expect(run.code).toBe(1);
    expect(JSON.parse(readFileSync(join(elsewhere, 'notes.txt'), 'utf8')).findings).toHaveLength(1);
  });
});
