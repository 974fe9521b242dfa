import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAN_MEET_PERMISSIONS, runCli } from '../helpers/cli.js';
import { git, makeTempDir, makeTempRepo, snapshotTree, useGitSandbox } from './temp-repo.js';

useGitSandbox();

/** A package.json npm would accept but a parse-and-rewrite would damage: duplicate keys, a number past double precision, tabs, CRLF. */
const FRAGILE_PACKAGE_JSON = '{\r\n\t"name": "demo",\r\n\t"build": 12345678901234567890,\r\n\t"flag": 1,\r\n\t"flag": 2,\r\n\t"scripts": {\r\n\t\t"test": "vitest"\r\n\t}\r\n}\r\n';

function nodeProject(packageJson = FRAGILE_PACKAGE_JSON): string {
  const root = makeTempRepo();
  writeFileSync(path.join(root, 'package.json'), packageJson);
  return root;
}

/** init's failures are one line on stderr with exit code 2, never "internal error … please report". */
function expectOneLineRefusal(run: { code: number; stdout: string; stderr: string }, message: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/internal error|please report|\n\s+at /);
  expect(run.stderr).toMatch(message);
}

describe('init edits package.json as text', () => {
  it('keeps duplicate keys, big integers, key order, tabs, CRLF and the final newline; adds only the prepare script and husky', () => {
    const root = nodeProject();
    const run = runCli(['init'], { cwd: root });
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(root, 'package.json'), 'utf8')).toBe(
      '{\r\n\t"name": "demo",\r\n\t"build": 12345678901234567890,\r\n\t"flag": 1,\r\n\t"flag": 2,\r\n\t"scripts": {\r\n\t\t"test": "vitest",\r\n\t\t"prepare": "husky"\r\n\t},\r\n' +
        '\t"devDependencies": {\r\n\t\t"husky": "^9.1.7"\r\n\t}\r\n}\r\n',
    );
  });

  it('says where package.json is broken, without quoting it', () => {
    const token = 'gh' + 'p_' + 'a'.repeat(36);
    const root = nodeProject(`{\n  "name": "demo",\n  "token": ${token}\n}\n`);
    const run = runCli(['init'], { cwd: root });
    expectOneLineRefusal(run, /package\.json is not valid JSON \(InvalidSymbol at line 3, column 12\)/);
    expect(run.stderr).not.toContain('ghp_');
  });
});

describe('init changes nothing unless every write can succeed', () => {
  it('refuses core.hooksPath=/dev/null in one line', async () => {
    const root = makeTempRepo();
    git(root, 'config', 'core.hooksPath', '/dev/null');
    const before = await snapshotTree(root);
    const run = runCli(['init'], { cwd: root });
    expectOneLineRefusal(run, /core\.hooksPath \(\/dev\/null, from your local git config\) is not a folder, so git runs no hooks/);
    expect(await snapshotTree(root)).toEqual(before);
  });

  it('refuses a core.hooksPath that is a file', () => {
    const root = makeTempRepo();
    writeFileSync(path.join(root, 'hooks'), 'not a folder\n');
    git(root, 'config', 'core.hooksPath', 'hooks');
    expectOneLineRefusal(runCli(['init'], { cwd: root }), /core\.hooksPath \(hooks, from your local git config\) is not a folder/);
    expect(readFileSync(path.join(root, 'hooks'), 'utf8')).toBe('not a folder\n');
  });

  it.runIf(CAN_MEET_PERMISSIONS)('a read-only .husky folder: one line, and package.json is left untouched', async () => {
    const root = nodeProject();
    mkdirSync(path.join(root, '.husky'));
    chmodSync(path.join(root, '.husky'), 0o555);
    const before = await snapshotTree(root);
    const run = runCli(['init'], { cwd: root, unprivileged: root });
    expectOneLineRefusal(run, /keyguard init: cannot write in \.husky: permission denied/);
    expect(await snapshotTree(root)).toEqual(before);
  });

  it.runIf(CAN_MEET_PERMISSIONS)('a read-only package.json: one line, and no hook is written', async () => {
    const root = nodeProject();
    chmodSync(path.join(root, 'package.json'), 0o444);
    const before = await snapshotTree(root);
    const run = runCli(['init'], { cwd: root, unprivileged: root });
    expectOneLineRefusal(run, /keyguard init: cannot write package\.json: permission denied/);
    expect(await snapshotTree(root)).toEqual(before);
  });

  it.runIf(CAN_MEET_PERMISSIONS)('a read-only .git/hooks folder: one line for the plain git hook', async () => {
    const root = makeTempRepo();
    mkdirSync(path.join(root, '.git', 'hooks'), { recursive: true });
    chmodSync(path.join(root, '.git', 'hooks'), 0o555);
    const run = runCli(['init'], { cwd: root, unprivileged: root });
    expectOneLineRefusal(run, /keyguard init: cannot write in \.git\/hooks: permission denied/);
  });

  // Every check passes (files writable, folders writable); the write itself fails: package.json,
  // written last, is larger than the run's file size limit, after the hook was written.
  describe('a write that fails after an earlier one succeeded is undone', () => {
    const bigPackageJson = () => {
      const dependencies = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`package-${i}`, `^1.0.${i}`]));
      return `${JSON.stringify({ name: 'demo', dependencies }, null, 2)}\n`;
    };

    it.each([
      ['an existing hook is restored', true],
      ['a created hook and its .husky folder are removed', false],
    ])('%s, and package.json is whole', async (_what, hookExists) => {
      const root = nodeProject(bigPackageJson());
      if (hookExists) {
        mkdirSync(path.join(root, '.husky'));
        writeFileSync(path.join(root, '.husky', 'pre-commit'), 'npm test\n');
      }
      const before = await snapshotTree(root);
      const run = runCli(['init'], { cwd: root, fileSizeLimitKb: 16 });
      expectOneLineRefusal(run, /^keyguard init: cannot change package\.json: EFBIG; nothing was changed$/m);
      expect(await snapshotTree(root)).toEqual(before);
      // The same project without the limit installs: the write was the only obstacle.
      expect(runCli(['init'], { cwd: root }).code).toBe(0);
    });
  });

  it('a .husky that is a file, not a folder: one line, package.json untouched', async () => {
    const root = nodeProject();
    writeFileSync(path.join(root, '.husky'), 'in the way\n');
    const before = await snapshotTree(root);
    expectOneLineRefusal(runCli(['init'], { cwd: root }), /cannot create \.husky: \.husky is a file, not a folder/);
    expect(await snapshotTree(root)).toEqual(before);
  });

  it('refuses a hook that is a symbolic link leading out of the repository, and leaves its target alone', async () => {
    const root = nodeProject();
    const outside = path.join(makeTempDir('keyguard-outside-'), 'shared-hook');
    writeFileSync(outside, 'echo shared\n');
    mkdirSync(path.join(root, '.husky'));
    symlinkSync(outside, path.join(root, '.husky', 'pre-commit'));
    const before = readFileSync(path.join(root, 'package.json'), 'utf8');
    expectOneLineRefusal(runCli(['init'], { cwd: root }), /refusing to change \.husky\/pre-commit: it is a symbolic link that leads outside the repository/);
    expect(readFileSync(outside, 'utf8')).toBe('echo shared\n');
    expect(readFileSync(path.join(root, 'package.json'), 'utf8')).toBe(before);
  });

  it('edits a hook linked from inside the repository where the link leads, keeping the link', () => {
    const root = nodeProject();
    mkdirSync(path.join(root, 'tools'));
    writeFileSync(path.join(root, 'tools', 'pre-commit'), 'npm test\n');
    mkdirSync(path.join(root, '.husky'));
    symlinkSync('../tools/pre-commit', path.join(root, '.husky', 'pre-commit'));
    expect(runCli(['init'], { cwd: root }).code).toBe(0);
    expect(readFileSync(path.join(root, 'tools', 'pre-commit'), 'utf8')).toMatch(/^npm test\n.*keyguard scan --staged/);
  });
});
