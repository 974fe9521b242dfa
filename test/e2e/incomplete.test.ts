import { execFileSync } from 'node:child_process';
import { chmodSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CAN_MEET_PERMISSIONS, runCli, type CliRun } from '../helpers/cli.js';
import { zip } from '../helpers/archives.js';
import { fakeKeys } from '../helpers/fake-keys.js';
import { makeRepo, makeTempDir, removeTestRepos, writeFileIn, type TestRepo } from '../helpers/git-repo.js';
import { validateJson, validateSarif } from '../report/report-validators.js';

afterAll(removeTestRepos);


interface Item {
  path: string;
  reason: string;
  detail?: string;
}

interface Report {
  findings: Array<{ ruleId: string; file: string }>;
  summary: { incomplete: boolean; unread: Item[]; skipped: Item[]; filesScanned: number };
}

function jsonScan(cwd: string, ...args: string[]): { code: number; report: Report; stderr: string } {
  return jsonReport(runCli(['scan', '--format', 'json', ...args], { cwd }));
}

function jsonReport(run: CliRun): { code: number; report: Report; stderr: string } {
  const report = JSON.parse(run.stdout) as Report;
  expect(validateJson(report), JSON.stringify(validateJson.errors, null, 2)).toBe(true);
  return { code: run.code, report, stderr: run.stderr };
}

/** Removes a loose object from the repository, as a broken clone or a failing disk would. */
function deleteObject(repo: TestRepo, sha: string): void {
  unlinkSync(join(repo.dir, '.git', 'objects', sha.slice(0, 2), sha.slice(2)));
}

/** A two-commit history whose `b.txt` blob is gone; `a.txt` holds `a` (a key, or not). */
function historyWithMissingBlob(a: string): TestRepo {
  const repo = makeRepo();
  repo.write('a.txt', a);
  repo.write('b.txt', 'notes\n');
  repo.commit('first');
  repo.write('c.txt', 'more\n');
  repo.commit('second');
  deleteObject(repo, repo.git('rev-parse', 'HEAD:b.txt'));
  return repo;
}

describe('a scan that could not read everything is incomplete (exit 3), in every format', () => {
  it('--history with a missing blob: no all-clear, exit 3, and the blob named with why', () => {
    const repo = historyWithMissingBlob('hello\n');

    const text = runCli(['scan', '--history'], { cwd: repo.dir });
    expect(text.code).toBe(3);
    expect(text.stdout).not.toContain('No secrets found\n');
    expect(text.stdout).not.toContain('✔');
    expect(text.stdout).toContain('✖ Incomplete: 1 path could not be read — no secrets can be ruled out there');
    expect(text.stdout).toMatch(/^ {2}b\.txt: blob [0-9a-f]{12} from commit [0-9a-f]{12} is missing from the repository$/m);

    const { code, report } = jsonScan(repo.dir, '--history');
    expect(code).toBe(3);
    expect(report.summary.incomplete).toBe(true);
    expect(report.summary.unread).toEqual([{ path: 'b.txt', reason: 'unreadable', detail: expect.stringMatching(/is missing from the repository$/) }]);

    const sarifRun = runCli(['scan', '--history', '--format', 'sarif'], { cwd: repo.dir });
    expect(sarifRun.code).toBe(3);
    const sarif = JSON.parse(sarifRun.stdout);
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors, null, 2)).toBe(true);
    const [invocation] = sarif.runs[0].invocations;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: expect.stringMatching(/^Could not read b\.txt: blob .* is missing from the repository$/) },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'b.txt', uriBaseId: '%SRCROOT%' } } }],
      },
    ]);
    // SARIF goes to a tool; the person reading the log hears why the exit code is 3.
    expect(sarifRun.stderr).toMatch(/^keyguard: Incomplete: 1 path could not be read — no secrets can be ruled out there \(b\.txt: blob .* is missing from the repository\)$/m);

    const compact = runCli(['scan', '--history', '--format', 'compact', '--quiet'], { cwd: repo.dir });
    expect(compact.code).toBe(3);
    expect(compact.stdout).toBe('');
    expect(compact.stderr).toContain('keyguard: Incomplete: 1 path could not be read');
  });

  it('findings at or above --fail-on still exit 1; below it, the incomplete scan exits 3', () => {
    const repo = historyWithMissingBlob(`token = "${fakeKeys.github()}"\n`);
    const failing = jsonScan(repo.dir, '--history');
    expect(failing.code).toBe(1);
    expect(failing.report.findings.map((finding) => finding.file)).toEqual(['a.txt']);
    expect(failing.report.summary.incomplete).toBe(true);
    expect(jsonScan(repo.dir, '--history', '--fail-on', 'none').code).toBe(3);

    const text = runCli(['scan', '--history', '--fail-on', 'none'], { cwd: repo.dir });
    expect(text.stdout).toMatch(/✖ 1 finding: .*\n✖ Incomplete: 1 path could not be read/);
  });

  it('a missing commit stops the history walk with a one-line error, exit 2', () => {
    const repo = makeRepo();
    repo.write('a.txt', 'one\n');
    const first = repo.commit('first');
    repo.write('a.txt', 'two\n');
    repo.commit('second');
    deleteObject(repo, first);
    const run = runCli(['scan', '--history'], { cwd: repo.dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--staged with a blob missing from the object database blocks the commit (exit 3)', () => {
    const repo = makeRepo();
    repo.write('a.txt', 'one\n');
    repo.commit('first');
    repo.write('a.txt', 'one\ntwo\n');
    repo.write('b.txt', 'new file\n');
    repo.git('add', '-A');
    deleteObject(repo, repo.git('rev-parse', ':b.txt'));
    const run = runCli(['scan', '--staged'], { cwd: repo.dir });
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('b.txt: staged blob');
    expect(run.stdout).toContain('✖ Commit blocked: some staged files could not be read');
    // Every staged file unreadable is the same incomplete result, not an error of its own.
    deleteObject(repo, repo.git('rev-parse', ':a.txt'));
    const none = jsonScan(repo.dir, '--staged');
    expect(none.code).toBe(3);
    expect(none.report.summary.unread.map((item) => item.path).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('a folder deeper than PATH_MAX allows is named as unread (ENAMETOOLONG), the rest is scanned', () => {
    const dir = makeTempDir();
    writeFileIn(dir, 'top.txt', 'hello\n');
    // Built with relative mkdir and chdir, since no single path that long can be given to the system.
    const build = "const fs = require('fs'); for (let i = 0; i < 24; i++) { fs.mkdirSync('d'.repeat(200)); process.chdir('d'.repeat(200)); } fs.writeFileSync('f.txt', 'hidden');";
    try {
      execFileSync(process.execPath, ['-e', `require('fs').mkdirSync('deep'); process.chdir('deep'); ${build}`], { cwd: dir });
      const { code, report } = jsonScan(dir);
      expect(code).toBe(3);
      expect(report.summary.filesScanned).toBe(1);
      expect(report.summary.unread).toEqual([{ path: expect.stringMatching(/^deep\/d{200}\//), reason: 'unreadable', detail: 'ENAMETOOLONG' }]);
      const text = runCli(['scan'], { cwd: dir });
      expect(text.stdout).toContain('path longer than the system allows (ENAMETOOLONG)');
    } finally {
      // Node's rmSync works with whole paths, which are too long here; rm walks relative to each folder.
      execFileSync('rm', ['-rf', join(dir, 'deep')]);
    }
  });

  it('an archive entry that cannot be inflated makes the scan incomplete', () => {
    const dir = makeTempDir();
    const archive = zip([{ name: 'ok.txt', data: 'fine\n' }, { name: 'config.env', data: 'x'.repeat(2000) }]);
    // Break the second entry's deflate stream: its data starts after the 30-byte header and the name.
    const firstEnd = archive.indexOf(Buffer.from('PK\x03\x04'), 4);
    const dataStart = firstEnd + 30 + 'config.env'.length;
    archive.fill(0xff, dataStart, dataStart + 8);
    writeFileSync(join(dir, 'bundle.zip'), archive);
    const { code, report } = jsonScan(dir);
    expect(code).toBe(3);
    expect(report.summary.unread).toEqual([{ path: 'bundle.zip!/config.env', reason: 'unreadable', detail: expect.any(String) }]);
    const sarif = JSON.parse(runCli(['scan', '--format', 'sarif'], { cwd: dir }).stdout);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri).toBe('bundle.zip');
  });

  it('skips by choice (binary, too large, ignored) keep a complete scan, exit 0', () => {
    const dir = makeTempDir();
    writeFileIn(dir, 'a.txt', 'hello\n');
    writeFileIn(dir, 'logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    writeFileIn(dir, 'big.txt', 'x'.repeat(2 * 1024 * 1024));
    writeFileIn(dir, '.keyguardignore', 'vendor/\n');
    writeFileIn(dir, 'vendor/lib.js', 'ok\n');
    const { code, report } = jsonScan(dir, '--max-file-size', '1');
    expect(code).toBe(0);
    expect(report.summary.incomplete).toBe(false);
    expect(report.summary.unread).toEqual([]);
    expect(report.summary.skipped.map((item) => item.reason).sort()).toEqual(['binary', 'keyguardignore', 'too-large']);
    expect(runCli(['scan', '--max-file-size', '1'], { cwd: dir }).stdout).toContain('✔ No secrets found');
  });

  it('keyguard baseline does not write a baseline from an incomplete scan', () => {
    const repo = historyWithMissingBlob('hello\n');
    const run = runCli(['baseline', '--history'], { cwd: repo.dir });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('Incomplete: 1 path could not be read');
    expect(run.stderr).toContain('.keyguard-baseline.json was not written');
  });

  it('scan --help lists the exit codes, 3 among them', () => {
    const help = runCli(['scan', '--help'], { cwd: makeTempDir() });
    expect(help.stdout).toMatch(/^ {2}3 {2}incomplete: some input could not be read/m);
  });

  // As root the CLI runs as an unprivileged user (runCli's `unprivileged`), whom permissions stop.
  describe.runIf(CAN_MEET_PERMISSIONS)('permissions', () => {
    /** The CLI as a user that file permissions stop, in `dir`. */
    const asUser = (dir: string, args: string[]) => runCli(args, { cwd: dir, unprivileged: dir });

    /** Runs `body` with `path` made unreadable, restoring it so the temp folder can be removed. */
    function withoutPermissions(path: string, body: () => void): void {
      chmodSync(path, 0o000);
      try {
        body();
      } finally {
        chmodSync(path, 0o755);
      }
    }

    it('an unreadable root folder is no all-clear', () => {
      const dir = makeTempDir();
      writeFileIn(dir, 'root/a.txt', 'hello\n');
      withoutPermissions(join(dir, 'root'), () => {
        const { code, report } = jsonReport(asUser(dir, ['scan', '--format', 'json', 'root']));
        expect(code).toBe(3);
        expect(report.summary.unread).toEqual([{ path: './', reason: 'unreadable', detail: 'EACCES' }]);
        const text = asUser(dir, ['scan', 'root']);
        expect(text.code).toBe(3);
        expect(text.stdout).not.toContain('✔');
        expect(text.stdout).toContain('./: permission denied (EACCES)');
        const sarif = JSON.parse(asUser(dir, ['scan', 'root', '--format', 'sarif']).stdout);
        expect(sarif.runs[0].invocations[0]).toMatchObject({ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'Could not read ./: permission denied (EACCES)' } }] });
      });
    });

    it('an unreadable subfolder or file inside a named path', () => {
      const dir = makeTempDir();
      writeFileIn(dir, 'a.txt', 'hello\n');
      writeFileIn(dir, 'private/keys.txt', 'hidden\n');
      writeFileIn(dir, 'locked.txt', 'hidden\n');
      withoutPermissions(join(dir, 'private'), () =>
        withoutPermissions(join(dir, 'locked.txt'), () => {
          const { code, report } = jsonReport(asUser(dir, ['scan', '--format', 'json']));
          expect(code).toBe(3);
          expect(report.summary.filesScanned).toBe(1);
          expect(report.summary.unread.sort((a, b) => (a.path < b.path ? -1 : 1))).toEqual([
            { path: 'locked.txt', reason: 'unreadable', detail: 'EACCES' },
            { path: 'private/', reason: 'unreadable', detail: 'EACCES' },
          ]);
          // A named unreadable file is the same.
          expect(jsonReport(asUser(dir, ['scan', '--format', 'json', 'locked.txt'])).code).toBe(3);
        }),
      );
    });
  });
});
