import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CAN_MEET_PERMISSIONS, runCli } from '../helpers/cli.js';
import { fakeKeys } from '../helpers/fake-keys.js';
import { makeRepo, makeTempDir, removeTestRepos, runGitIn, type TestRepo } from '../helpers/git-repo.js';

afterAll(removeTestRepos);

/**
 * git's third ignore source, the user's own excludes file (core.excludesFile, by default
 * $XDG_CONFIG_HOME/git/ignore or ~/.config/git/ignore), counts in the tree walk as it does for
 * `git ls-files --others --exclude-standard`; a named path and a tracked file are still scanned.
 * HOME and XDG_CONFIG_HOME point at a temp folder, so the machine's own files play no part.
 */
const FILES = ['keep.js', 'local.log', 'notes/draft.md', 'sub/deep/scratch.tmp', 'sub/app.js'];

function repoWithKeys(): TestRepo {
  const repo = makeRepo();
  repo.write('tracked.log', `token = "${fakeKeys.github()}"\n`);
  repo.commit('a tracked file that the excludes file would hide');
  for (const file of FILES) repo.write(file, `token = "${fakeKeys.github()}"\n`);
  return repo;
}

function scannedFiles(repo: TestRepo, env: NodeJS.ProcessEnv, args: string[] = []): string[] {
  const run = runCli(['scan', '--format', 'json', ...args], { cwd: repo.dir, env });
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as { findings: { file: string }[] };
  return [...new Set(report.findings.map((finding) => finding.file))].sort();
}

/** What git scans: the untracked files it does not ignore, and every tracked file. */
function gitFiles(repo: TestRepo, env: NodeJS.ProcessEnv): string[] {
  const list = (...args: string[]) => runGitIn(repo.dir, ['ls-files', '-z', ...args], env).split('\0').filter(Boolean);
  return [...list('--others', '--exclude-standard'), ...list('--cached')].sort();
}

const PATTERNS = '*.log\nnotes/\n*.tmp\n';

/** An environment whose git finds `patterns` in the default excludes file, $XDG_CONFIG_HOME/git/ignore. */
function xdgExcludesEnv(patterns: string): NodeJS.ProcessEnv {
  const xdg = makeTempDir('keyguard-xdg-');
  mkdirSync(join(xdg, 'git'));
  writeFileSync(join(xdg, 'git', 'ignore'), patterns);
  return { HOME: makeTempDir('keyguard-home-'), XDG_CONFIG_HOME: xdg };
}

describe('the user excludes file (core.excludesFile)', () => {
  it('reads $XDG_CONFIG_HOME/git/ignore, as git does', () => {
    const repo = repoWithKeys();
    const env = xdgExcludesEnv(PATTERNS);
    expect(scannedFiles(repo, env)).toEqual(['keep.js', 'sub/app.js', 'tracked.log']);
    expect(scannedFiles(repo, env)).toEqual(gitFiles(repo, env));
  });

  it('reads ~/.config/git/ignore when XDG_CONFIG_HOME is empty', () => {
    const repo = repoWithKeys();
    const home = makeTempDir('keyguard-home-');
    mkdirSync(join(home, '.config', 'git'), { recursive: true });
    writeFileSync(join(home, '.config', 'git', 'ignore'), PATTERNS);
    const env = { HOME: home, XDG_CONFIG_HOME: '' };
    expect(scannedFiles(repo, env)).toEqual(['keep.js', 'sub/app.js', 'tracked.log']);
    expect(scannedFiles(repo, env)).toEqual(gitFiles(repo, env));
  });

  it('reads the file core.excludesFile names in the global config (~ expanded); patterns are relative to the top', () => {
    const repo = repoWithKeys();
    const home = makeTempDir('keyguard-home-');
    writeFileSync(join(home, 'my-ignore'), '/sub/app.js\ndeep/\n');
    writeFileSync(join(home, '.gitconfig'), '[core]\n\texcludesFile = ~/my-ignore\n');
    // The suite's git runs with GIT_CONFIG_GLOBAL=/dev/null; here git must read this HOME's config.
    const env = { HOME: home, XDG_CONFIG_HOME: '', GIT_CONFIG_GLOBAL: join(home, '.gitconfig') };
    const scanned = scannedFiles(repo, env);
    expect(scanned).toEqual(['keep.js', 'local.log', 'notes/draft.md', 'tracked.log']);
    expect(scanned).toEqual(gitFiles(repo, env));
    // Scanning the subfolder applies the same patterns from the top, not from the subfolder.
    const run = runCli(['scan', 'sub'], { cwd: repo.dir, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nothing was scanned in sub: 2 ignored/);
  });

  it('still scans a path named on the command line, and everything with --no-ignore', () => {
    const repo = repoWithKeys();
    const env = xdgExcludesEnv(PATTERNS);
    expect(scannedFiles(repo, env, ['local.log', 'notes'])).toEqual(['local.log', 'notes/draft.md']);
    expect(scannedFiles(repo, env, ['--no-ignore'])).toEqual([...FILES, 'tracked.log'].sort());
  });

  it('a missing excludes file adds nothing; an unreadable one too (git warns and goes on), so more is scanned, never less', () => {
    const repo = repoWithKeys();
    const home = makeTempDir('keyguard-home-');
    const everything = [...FILES, 'tracked.log'].sort();
    expect(scannedFiles(repo, { HOME: home, XDG_CONFIG_HOME: join(home, 'missing') })).toEqual(everything);
    if (!CAN_MEET_PERMISSIONS) return;
    mkdirSync(join(home, 'git'));
    writeFileSync(join(home, 'git', 'ignore'), PATTERNS);
    chmodSync(join(home, 'git', 'ignore'), 0o000);
    const run = runCli(['scan', '--format', 'json'], { cwd: repo.dir, env: { HOME: home, XDG_CONFIG_HOME: home }, unprivileged: repo.dir });
    expect(run.code).toBe(1);
    const scanned = [...new Set((JSON.parse(run.stdout) as { findings: { file: string }[] }).findings.map((finding) => finding.file))].sort();
    expect(scanned).toEqual(everything);
  });

  it('a repository config that names a FIFO or a device is read as git reads it, as empty, and never waited on', () => {
    const repo = repoWithKeys();
    const fifo = join(makeTempDir('keyguard-fifo-'), 'ignore');
    execFileSync('mkfifo', [fifo]);
    const env = { HOME: makeTempDir('keyguard-home-'), XDG_CONFIG_HOME: '' };
    for (const file of [fifo, '/dev/zero']) {
      repo.git('config', 'core.excludesFile', file);
      const run = runCli(['scan', '--format', 'json'], { cwd: repo.dir, env, timeout: 60_000 });
      expect(run.code).toBe(1);
      const scanned = [...new Set((JSON.parse(run.stdout) as { findings: { file: string }[] }).findings.map((finding) => finding.file))].sort();
      expect(scanned).toEqual([...FILES, 'tracked.log'].sort());
    }
  });
});
