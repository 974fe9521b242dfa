import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatInitResult, runInit } from '../../src/init/init.js';
import { fakeGitHubToken, makeTempRepo, pathWithoutKeyguard, tryCommit, useGitSandbox, writeScript } from './temp-repo.js';

useGitSandbox();

const execFileAsync = promisify(execFile);
const KEYGUARD_BIN = path.resolve(import.meta.dirname, '../../bin/keyguard.js');
const HUSKY_BIN = path.resolve(import.meta.dirname, '../../node_modules/husky/bin.js');

async function linkKeyguardInto(binDir: string): Promise<void> {
  await writeScript(path.join(binDir, 'keyguard'), `exec "${process.execPath}" "${KEYGUARD_BIN}" "$@"`);
}

describe('keyguard init in a package in a subfolder of the repository (monorepo)', () => {
  it('installs a hook for a package in a subfolder that works from any folder, and says what it did', async () => {
    const root = await makeTempRepo();
    const frontend = path.join(root, 'frontend');
    await mkdir(path.join(root, 'backend'), { recursive: true });
    await mkdir(frontend, { recursive: true });
    await writeFile(path.join(frontend, 'package.json'), '{\n  "name": "web",\n  "scripts": { "prepare": "husky" },\n  "devDependencies": { "keyguard": "^0.1.0" }\n}\n');
    await writeFile(path.join(root, '.gitignore'), 'node_modules/\n');

    const result = await runInit({ cwd: frontend, force: false });

    expect(result).toMatchObject({ exitCode: 0, hookKind: 'husky' });
    const summary = formatInitResult(result);
    expect(summary).toContain('frontend/package.json: changed the prepare script to "cd .. && husky frontend/.husky"');
    expect(summary).toContain('frontend/.husky/pre-commit: created');
    expect(summary).toMatch(/the package is in frontend\/ of the git repository/);
    expect(JSON.parse(await readFile(path.join(frontend, 'package.json'), 'utf8')).scripts.prepare).toBe('cd .. && husky frontend/.husky');
    expect(await readFile(path.join(frontend, '.husky', 'pre-commit'), 'utf8')).toContain('(cd frontend && node_modules/.bin/keyguard scan --staged)');

    // What `npm install` in frontend/ does: link the bin, then the prepare script (run from the root).
    await linkKeyguardInto(path.join(frontend, 'node_modules', '.bin'));
    await execFileAsync(process.execPath, [HUSKY_BIN, 'frontend/.husky'], { cwd: root });

    await writeFile(path.join(root, 'backend', 'settings.js'), `export const githubToken = '${fakeGitHubToken()}';\n`);
    const fromBackend = await tryCommit(path.join(root, 'backend'), 'add settings', pathWithoutKeyguard());
    expect(fromBackend.exitCode, fromBackend.output).not.toBe(0);
    expect(fromBackend.output).toMatch(/backend\/settings\.js/);

    await writeFile(path.join(root, 'backend', 'settings.js'), 'export const githubToken = process.env.GITHUB_TOKEN;\n');
    const clean = await tryCommit(path.join(root, 'backend'), 'add settings', pathWithoutKeyguard());
    expect(clean.exitCode, clean.output).toBe(0);
  }, 60_000);
});

describe('keyguard init on a hook written by an earlier version', () => {
  it('replaces the bare line that failed with "not found" before npm install', async () => {
    const root = await makeTempRepo();
    await writeFile(path.join(root, 'package.json'), '{"name":"demo","scripts":{"prepare":"husky"},"devDependencies":{"husky":"^9.1.7","keyguard":"^0.1.0"}}\n');
    await mkdir(path.join(root, '.husky'), { recursive: true });
    await writeFile(path.join(root, '.husky', 'pre-commit'), 'npm test\nnode_modules/.bin/keyguard scan --staged\n');

    const result = await runInit({ cwd: root, force: false });

    expect(result.changes).toEqual([expect.stringMatching(/^\.husky\/pre-commit: replaced `node_modules\/\.bin\/keyguard scan --staged` with/)]);
    const hook = await readFile(path.join(root, '.husky', 'pre-commit'), 'utf8');
    expect(hook).toMatch(/^npm test\nif \[ -x node_modules\/\.bin\/keyguard \]; then .*keyguard is not installed: run npm install.*fi\n$/);
    expect((await runInit({ cwd: root, force: false })).changes).toEqual([]);
  });
});
