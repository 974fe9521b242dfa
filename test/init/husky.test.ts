import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { HUSKY_HOOK_LINE } from '../../src/init/hook-command.js';
import { addHookLine } from '../../src/init/husky.js';
import { formatInitResult, runInit } from '../../src/init/init.js';
import { HUSKY_VERSION_RANGE } from '../../src/init/package-json.js';
import {
  fakeGitHubToken,
  git,
  makeTempRepo,
  pathWithoutKeyguard,
  runHuskyPrepare,
  snapshotTree,
  tryCommit,
  useGitSandbox,
  writeScript,
} from './temp-repo.js';

useGitSandbox();

async function makeNodeProject(packageJson: string): Promise<string> {
  const root = await makeTempRepo();
  await writeFile(path.join(root, 'package.json'), packageJson);
  return root;
}

describe('keyguard init in a project with a package.json (husky)', () => {
  it('adds the hook line, husky and a prepare script, and says what is left to do', async () => {
    const root = await makeNodeProject('{\n    "name": "demo",\n    "version": "1.0.0"\n}\n');

    const result = await runInit({ cwd: root, force: false });

    expect(result).toMatchObject({ exitCode: 0, hookKind: 'husky', error: null });
    expect(await readFile(path.join(root, '.husky', 'pre-commit'), 'utf8')).toBe(`${HUSKY_HOOK_LINE}\n`);
    const packageJson = await readFile(path.join(root, 'package.json'), 'utf8');
    expect(JSON.parse(packageJson)).toMatchObject({
      devDependencies: { husky: HUSKY_VERSION_RANGE },
      scripts: { prepare: 'husky' },
    });
    expect(packageJson).toMatch(/^\{\n {4}"name"/);
    expect(packageJson.endsWith('}\n')).toBe(true);
    expect(result.notes.join('\n')).toMatch(/npm install --save-dev keyguard/);
    expect(result.notes.join('\n')).toMatch(/run npm install/);
    expect(formatInitResult(result)).toMatch(/^keyguard init: installed the husky pre-commit hook\n/);
    // Husky owns core.hooksPath; init sets nothing in git config.
    expect(await git(root, 'config', '--list', '--local')).not.toMatch(/hookspath/i);
  });

  it('changes nothing the second time and reports it as already installed', async () => {
    const root = await makeNodeProject('{\n  "name": "demo"\n}\n');
    await runInit({ cwd: root, force: false });
    const before = await snapshotTree(root);

    const second = await runInit({ cwd: root, force: false });

    expect(await snapshotTree(root)).toEqual(before);
    expect(second).toMatchObject({ exitCode: 0, changes: [] });
    expect(formatInitResult(second)).toMatch(/already installed, nothing changed/);
  });

  it('keeps existing hook lines and an existing prepare script', async () => {
    const root = await makeNodeProject('{"devDependencies":{"husky":"^9.0.0"},"scripts":{"prepare":"npm run build"}}');
    await mkdir(path.join(root, '.husky'));
    await writeFile(path.join(root, '.husky', 'pre-commit'), 'npm test\nnpx lint-staged');

    await runInit({ cwd: root, force: false });

    expect(await readFile(path.join(root, '.husky', 'pre-commit'), 'utf8')).toBe(`npm test\nnpx lint-staged\n${HUSKY_HOOK_LINE}\n`);
    const packageJson = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
    expect(packageJson).toEqual({ devDependencies: { husky: '^9.0.0' }, scripts: { prepare: 'npm run build && husky' } });
  });

  it('leaves a hook that already runs keyguard its own way alone', async () => {
    const root = await makeNodeProject('{"devDependencies":{"husky":"^9.1.7","keyguard":"^0.1.0"},"scripts":{"prepare":"husky"}}');
    await mkdir(path.join(root, '.husky'));
    const ownLine = 'keyguard scan --staged --format json\n';
    await writeFile(path.join(root, '.husky', 'pre-commit'), ownLine);

    const result = await runInit({ cwd: root, force: false });

    expect(result.changes).toEqual([]);
    expect(await readFile(path.join(root, '.husky', 'pre-commit'), 'utf8')).toBe(ownLine);
  });

  it('never touches .husky/_ and needs no npm install when husky is already active', async () => {
    const root = await makeNodeProject('{"devDependencies":{"husky":"^9.1.7","keyguard":"^0.1.0"},"scripts":{"prepare":"husky"}}\n');
    await runHuskyPrepare(root);
    const huskyInternals = await snapshotTree(path.join(root, '.husky', '_'));
    const gitConfig = await git(root, 'config', '--list', '--local');

    const result = await runInit({ cwd: root, force: false });

    expect(await snapshotTree(path.join(root, '.husky', '_'))).toEqual(huskyInternals);
    expect(await git(root, 'config', '--list', '--local')).toBe(gitConfig);
    expect(result.changes).toEqual([`.husky/pre-commit: created, running \`${HUSKY_HOOK_LINE}\``]);
    expect(result.notes).toEqual([]);
  });

  it('works from a subdirectory, editing the files at the repository root', async () => {
    const root = await makeNodeProject('{"name":"demo"}\n');
    await mkdir(path.join(root, 'src', 'lib'), { recursive: true });

    const result = await runInit({ cwd: path.join(root, 'src', 'lib'), force: false });

    expect(result.hookKind).toBe('husky');
    expect(existsSync(path.join(root, '.husky', 'pre-commit'))).toBe(true);
    expect(existsSync(path.join(root, 'src', 'lib', '.husky'))).toBe(false);
  });

  it('changes nothing when package.json is not valid JSON', async () => {
    const root = await makeNodeProject('{"name": "demo",}\n');

    const result = await runInit({ cwd: root, force: false });

    expect(result).toMatchObject({ exitCode: 2, hookKind: 'husky', changes: [] });
    expect(result.error).toMatch(/^package\.json is not valid JSON/);
    expect(formatInitResult(result).trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(path.join(root, '.husky'))).toBe(false);
    expect(await readFile(path.join(root, 'package.json'), 'utf8')).toBe('{"name": "demo",}\n');
  });
});

describe('the installed husky hook', () => {
  it('runs the project\'s own keyguard and lets its exit code decide the commit', async () => {
    const root = await makeNodeProject('{"name":"demo","devDependencies":{"keyguard":"^0.1.0"}}\n');
    await writeFile(path.join(root, '.gitignore'), 'node_modules/\nkeyguard-calls.log\n');
    await runInit({ cwd: root, force: false });
    await runHuskyPrepare(root);
    // Stands in for the bin link `npm install` makes for a keyguard devDependency.
    const callLog = path.join(root, 'keyguard-calls.log');
    const keyguardBin = path.join(root, 'node_modules', '.bin', 'keyguard');
    await writeScript(keyguardBin, `echo "keyguard $*" >> "${callLog}"\nexit "\${FAKE_KEYGUARD_EXIT:-0}"`);
    // Any keyguard on PATH is left out: the hook must run the project's own.
    const searchPath = pathWithoutKeyguard();

    vi.stubEnv('FAKE_KEYGUARD_EXIT', '1');
    const refused = await tryCommit(root, 'refused', searchPath);
    expect(refused.exitCode, refused.output).not.toBe(0);
    expect(await readFile(callLog, 'utf8')).toBe('keyguard scan --staged\n');

    vi.stubEnv('FAKE_KEYGUARD_EXIT', '0');
    const allowed = await tryCommit(root, 'allowed', searchPath);
    expect(allowed.exitCode, allowed.output).toBe(0);
  }, 30_000);

  it('refuses the commit when the project has no keyguard installed', async () => {
    const root = await makeNodeProject('{"name":"demo","devDependencies":{"keyguard":"^0.1.0"}}\n');
    await runInit({ cwd: root, force: false });
    await runHuskyPrepare(root);

    const attempt = await tryCommit(root, 'unchecked', pathWithoutKeyguard());

    expect(attempt.exitCode, attempt.output).not.toBe(0);
    // One line that says what to do, not the shell's `keyguard: not found` (exit 127).
    expect(attempt.output).toContain('keyguard is not installed: run npm install');
    expect(attempt.output).not.toMatch(/not found|No such file/);
    expect(await git(root, 'rev-list', '--all')).toBe('');
  }, 30_000);
});

describe('the hook line in an existing .husky/pre-commit that ends the script', () => {
  it.each([
    ['exit 0', 'npm test\nexit 0\n'],
    ['a final exit with another code', 'npm test\nexit 3'],
    ['exec', '#!/usr/bin/env sh\nexec npx lint-staged\n'],
  ])('goes before %s', (_case, script) => {
    const result = addHookLine(script, HUSKY_HOOK_LINE);
    const lines = result.split('\n');
    const stop = lines.findIndex((line) => /^(exit|exec)\b/.test(line));
    expect(lines.indexOf(HUSKY_HOOK_LINE)).toBe(stop - 1);
    expect(result.replace(`${HUSKY_HOOK_LINE}\n`, '')).toBe(script);
  });

  it('is appended when the script only exits inside a block', () => {
    expect(addHookLine('if [ -n "$CI" ]; then\n  exit 0\nfi\n', HUSKY_HOOK_LINE)).toBe(`if [ -n "$CI" ]; then\n  exit 0\nfi\n${HUSKY_HOOK_LINE}\n`);
  });

  it('refuses a commit with a key through the real hook when the old hook ended with exit 0', async () => {
    const root = await makeNodeProject('{"name":"demo","devDependencies":{"keyguard":"^0.1.0"}}\n');
    await writeFile(path.join(root, '.gitignore'), 'node_modules/\n');
    await mkdir(path.join(root, '.husky'), { recursive: true });
    await writeScript(path.join(root, '.husky', 'pre-commit'), 'echo checked\nexit 0');
    await runInit({ cwd: root, force: false });
    await runHuskyPrepare(root);
    // The project's keyguard is the built one of this checkout.
    await writeScript(path.join(root, 'node_modules', '.bin', 'keyguard'), `exec "${process.execPath}" "${path.resolve('bin/keyguard.js')}" "$@"`);
    await writeFile(path.join(root, 'config.js'), `const token = "${fakeGitHubToken()}";\n`);

    const attempt = await tryCommit(root, 'leak', pathWithoutKeyguard());

    expect(attempt.exitCode, attempt.output).not.toBe(0);
    expect(await git(root, 'rev-list', '--all')).toBe('');
  }, 30_000);
});
