import { existsSync } from 'node:fs';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BACKUP_HOOK_NAME, GIT_HOOK_SCRIPT } from '../../src/init/git-hook.js';
import { formatInitResult, runInit } from '../../src/init/init.js';
import {
  git,
  isExecutable,
  makeTempDir,
  makeTempRepo,
  pathWith,
  pathWithoutKeyguard,
  snapshotTree,
  tryCommit,
  useGitSandbox,
  writeScript,
} from './temp-repo.js';

useGitSandbox();

const FOREIGN_HOOK = 'echo "the team lint hook"';

/** A `keyguard` on PATH that records how it was called and exits with the given code. */
async function fakeKeyguard(exitCode: number): Promise<{ binDir: string; callLog: string }> {
  const binDir = await makeTempDir();
  const callLog = path.join(binDir, 'calls.log');
  await writeScript(path.join(binDir, 'keyguard'), `echo "keyguard $*" >> "${callLog}"\nexit ${exitCode}`);
  return { binDir, callLog };
}

function defaultHookPath(root: string): string {
  return path.join(root, '.git', 'hooks', 'pre-commit');
}

describe('keyguard init in a repository without a package.json (plain git hook)', () => {
  it('installs an executable #!/bin/sh hook in .git/hooks', async () => {
    const root = await makeTempRepo();
    vi.stubEnv('PATH', pathWith((await fakeKeyguard(0)).binDir));

    const result = await runInit({ cwd: root, force: false });

    expect(result).toMatchObject({ exitCode: 0, hookKind: 'git-hook', notes: [], error: null });
    expect(result.changes).toEqual(['.git/hooks/pre-commit: installed the keyguard pre-commit hook']);
    const hook = await readFile(defaultHookPath(root), 'utf8');
    expect(hook).toBe(GIT_HOOK_SCRIPT);
    expect(hook.startsWith('#!/bin/sh\n')).toBe(true);
    expect(await isExecutable(defaultHookPath(root))).toBe(true);
    expect(formatInitResult(result)).toMatch(/^keyguard init: installed the git pre-commit hook\n/);
  });

  it('warns that the hook will refuse commits while keyguard is not on PATH', async () => {
    const root = await makeTempRepo();
    vi.stubEnv('PATH', pathWithoutKeyguard());

    const result = await runInit({ cwd: root, force: false });

    expect(result.notes).toEqual([
      'keyguard is not on PATH, so the hook will refuse every commit: install it with npm install --global keyguard',
    ]);
    expect(formatInitResult(result)).toMatch(/\nnote: keyguard is not on PATH/);
  });

  it('changes nothing the second time, with or without --force', async () => {
    const root = await makeTempRepo();
    await runInit({ cwd: root, force: false });
    const before = await snapshotTree(path.join(root, '.git', 'hooks'));

    for (const force of [false, true]) {
      const again = await runInit({ cwd: root, force });
      expect(again).toMatchObject({ exitCode: 0, changes: [] });
      expect(formatInitResult(again)).toMatch(/already installed, nothing changed/);
    }
    expect(await snapshotTree(path.join(root, '.git', 'hooks'))).toEqual(before);
  });

  it('restores the executable bit of its own hook, which git would otherwise ignore', async () => {
    const root = await makeTempRepo();
    await runInit({ cwd: root, force: false });
    await chmod(defaultHookPath(root), 0o644);

    const result = await runInit({ cwd: root, force: false });

    expect(result.changes).toEqual(['.git/hooks/pre-commit: made executable']);
    expect(await isExecutable(defaultHookPath(root))).toBe(true);
  });

  it('refuses to replace a hook that is not ours without --force', async () => {
    const root = await makeTempRepo();
    await writeScript(defaultHookPath(root), FOREIGN_HOOK);
    const before = await snapshotTree(path.join(root, '.git', 'hooks'));

    const result = await runInit({ cwd: root, force: false });

    expect(result).toMatchObject({ exitCode: 2, changes: [] });
    expect(result.error).toMatch(/^\.git\/hooks\/pre-commit exists and does not run keyguard; rerun with --force/);
    expect(await snapshotTree(path.join(root, '.git', 'hooks'))).toEqual(before);
  });

  it('with --force keeps the hook that was there as a backup, mode and all', async () => {
    const root = await makeTempRepo();
    await writeScript(defaultHookPath(root), FOREIGN_HOOK);
    const foreignHook = await readFile(defaultHookPath(root), 'utf8');

    const result = await runInit({ cwd: root, force: true });

    expect(result.exitCode).toBe(0);
    const backupPath = path.join(root, '.git', 'hooks', BACKUP_HOOK_NAME);
    expect(await readFile(backupPath, 'utf8')).toBe(foreignHook);
    expect(await isExecutable(backupPath)).toBe(true);
    expect(await readFile(defaultHookPath(root), 'utf8')).toBe(GIT_HOOK_SCRIPT);
    expect(result.changes[0]).toBe(`.git/hooks/pre-commit: moved to .git/hooks/${BACKUP_HOOK_NAME} (it still runs, before keyguard)`);
  });

  it('with --force still refuses when a backup from an earlier run is in the way', async () => {
    const root = await makeTempRepo();
    await writeScript(defaultHookPath(root), FOREIGN_HOOK);
    await writeScript(path.join(root, '.git', 'hooks', BACKUP_HOOK_NAME), 'echo "an older hook"');
    const before = await snapshotTree(path.join(root, '.git', 'hooks'));

    const result = await runInit({ cwd: root, force: true });

    expect(result.exitCode).toBe(2);
    expect(result.error).toMatch(/pre-commit\.keyguard-backup already exists/);
    expect(await snapshotTree(path.join(root, '.git', 'hooks'))).toEqual(before);
  });

  it('installs into core.hooksPath when it is set', async () => {
    const root = await makeTempRepo();
    await git(root, 'config', 'core.hooksPath', 'tools/githooks');

    const result = await runInit({ cwd: root, force: false });

    expect(result.changes).toEqual(['tools/githooks/pre-commit: installed the keyguard pre-commit hook']);
    expect(await readFile(path.join(root, 'tools', 'githooks', 'pre-commit'), 'utf8')).toBe(GIT_HOOK_SCRIPT);
    expect(existsSync(defaultHookPath(root))).toBe(false);
  });

  it('warns when core.hooksPath comes from outside the repository', async () => {
    const root = await makeTempRepo();
    const sharedHooks = await makeTempDir();
    const globalConfig = path.join(await makeTempDir(), 'gitconfig');
    await writeFile(globalConfig, `[core]\n\thooksPath = ${sharedHooks}\n`);
    vi.stubEnv('GIT_CONFIG_GLOBAL', globalConfig);

    const result = await runInit({ cwd: root, force: false });

    expect(existsSync(path.join(sharedHooks, 'pre-commit'))).toBe(true);
    expect(result.notes).toContain(
      `core.hooksPath comes from your global git config, so ${sharedHooks}/pre-commit runs in every repository that uses it`,
    );
  });

  it('fails with one line and exit code 2 outside a git repository', async () => {
    const notARepo = await makeTempDir();

    for (const cwd of [notARepo, path.join(notARepo, 'missing')]) {
      const result = await runInit({ cwd, force: false });
      expect(result).toMatchObject({ exitCode: 2, hookKind: null, changes: [] });
      expect(formatInitResult(result)).toMatch(/^keyguard init: not a (git repository|directory)[^\n]*\n$/);
    }
    expect(existsSync(path.join(notARepo, '.git'))).toBe(false);
  });
});

describe('the installed plain git hook', () => {
  it('runs `keyguard scan --staged` and lets its exit code decide the commit', async () => {
    const root = await makeTempRepo();
    await runInit({ cwd: root, force: false });
    await writeFile(path.join(root, 'notes.txt'), 'hello\n');

    const refusing = await fakeKeyguard(1);
    expect((await tryCommit(root, 'refused', pathWith(refusing.binDir))).exitCode).not.toBe(0);
    expect(await readFile(refusing.callLog, 'utf8')).toBe('keyguard scan --staged\n');

    const passing = await fakeKeyguard(0);
    expect((await tryCommit(root, 'allowed', pathWith(passing.binDir))).exitCode).toBe(0);
  });

  it('refuses the commit with a hint when keyguard is not on PATH', async () => {
    const root = await makeTempRepo();
    await runInit({ cwd: root, force: false });
    await writeFile(path.join(root, 'notes.txt'), 'hello\n');
    const attempt = await tryCommit(root, 'unchecked', pathWithoutKeyguard());

    expect(attempt.exitCode).not.toBe(0);
    expect(attempt.output).toMatch(/keyguard is not on PATH, so this commit was not checked/);
  });

  it('runs the hook it replaced first, and stops when that hook fails', async () => {
    const root = await makeTempRepo();
    const previousLog = path.join(root, '.git', 'previous-hook.log');
    await writeScript(defaultHookPath(root), `echo ran >> "${previousLog}"\nexit "\${PREVIOUS_HOOK_EXIT:-0}"`);
    await runInit({ cwd: root, force: true });
    const keyguard = await fakeKeyguard(0);
    await writeFile(path.join(root, 'notes.txt'), 'hello\n');

    vi.stubEnv('PREVIOUS_HOOK_EXIT', '3');
    expect((await tryCommit(root, 'previous hook fails', pathWith(keyguard.binDir))).exitCode).not.toBe(0);
    expect(existsSync(keyguard.callLog)).toBe(false);

    vi.stubEnv('PREVIOUS_HOOK_EXIT', '0');
    expect((await tryCommit(root, 'both pass', pathWith(keyguard.binDir))).exitCode).toBe(0);
    expect(await readFile(previousLog, 'utf8')).toBe('ran\nran\n');
    expect(await readFile(keyguard.callLog, 'utf8')).toBe('keyguard scan --staged\n');
    expect((await stat(path.join(root, '.git', 'hooks', BACKUP_HOOK_NAME))).isFile()).toBe(true);
  });
});

