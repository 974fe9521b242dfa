import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInit } from '../../src/init/init.js';
import {
  fakeGitHubToken,
  git,
  makeTempDir,
  makeTempRepo,
  pathWith,
  pathWithoutKeyguard,
  runHuskyPrepare,
  tryCommit,
  useGitSandbox,
  writeScript,
} from './temp-repo.js';

/**
 * End to end: `keyguard init`, then real `git commit`s run the real, built keyguard. Needs
 * `npm run build` first (`npm test` builds before it runs vitest).
 */
const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
const KEYGUARD_BIN = path.join(PROJECT_ROOT, 'bin', 'keyguard.js');
const BUILT_CLI = path.join(PROJECT_ROOT, 'dist', 'bundle', 'keyguard.cjs');

useGitSandbox();

beforeAll(() => {
  if (!existsSync(BUILT_CLI)) {
    throw new Error(`${BUILT_CLI} is missing: build first with npm run build`);
  }
});

/** A `keyguard` executable that runs this checkout's CLI, as a global or devDependency install would. */
async function linkKeyguardInto(binDir: string): Promise<void> {
  await writeScript(path.join(binDir, 'keyguard'), `exec "${process.execPath}" "${KEYGUARD_BIN}" "$@"`);
}

/** Commits a file holding a fake token (refused), then the same file without it (allowed). */
async function expectKeyBlockedThenAllowed(root: string, searchPath: string): Promise<void> {
  const configPath = path.join(root, 'config.js');
  await writeFile(configPath, `export const githubToken = '${fakeGitHubToken()}';\n`);
  const withKey = await tryCommit(root, 'add config', searchPath);
  expect(withKey.exitCode, withKey.output).not.toBe(0);
  // Refused because of a finding in the file, not because keyguard failed to run.
  expect(withKey.output).toMatch(/config\.js/);
  expect(await git(root, 'rev-list', '--all')).toBe('');

  await writeFile(configPath, 'export const githubToken = process.env.GITHUB_TOKEN;\n');
  const withoutKey = await tryCommit(root, 'add config', searchPath);
  expect(withoutKey.exitCode, withoutKey.output).toBe(0);
  expect(await git(root, 'log', '--format=%s')).toBe('add config');
}

describe('a real git commit with the hook keyguard init installed', () => {
  it('is refused while it adds a key, and allowed once the key is gone (plain git hook)', async () => {
    const root = await makeTempRepo();
    expect((await runInit({ cwd: root, force: false })).exitCode).toBe(0);
    const binDir = await makeTempDir();
    await linkKeyguardInto(binDir);

    await expectKeyBlockedThenAllowed(root, pathWith(binDir));
  }, 60_000);

  it('is refused while it adds a key, and allowed once the key is gone (husky)', async () => {
    const root = await makeTempRepo();
    await writeFile(path.join(root, 'package.json'), '{"name":"demo","devDependencies":{"keyguard":"^0.1.0"}}\n');
    await writeFile(path.join(root, '.gitignore'), 'node_modules/\n');
    expect((await runInit({ cwd: root, force: false })).exitCode).toBe(0);
    // What `npm install` would do: link keyguard's bin, then run the prepare script (husky).
    await linkKeyguardInto(path.join(root, 'node_modules', '.bin'));
    await runHuskyPrepare(root);

    // No keyguard on PATH: the hook must run the project's own.
    await expectKeyBlockedThenAllowed(root, pathWithoutKeyguard());
  }, 60_000);
});
