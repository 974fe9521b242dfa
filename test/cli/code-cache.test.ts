// bin/keyguard.js runs the CLI bundle with a V8 code cache it keeps next to the bundle
// (dist/bundle/keyguard.cjs.cache). Whatever state that file is in, a run must give the same answer
// as without it: these tests damage it in the ways a file can be damaged and run the CLI on a copy
// of the built package, so the suite's other runs keep their own cache.
import { cpSync, existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeKeys } from '../helpers/fake-keys.js';
import { makeRepo, makeTempDir, removeTestRepos, type TestRepo } from '../helpers/git-repo.js';

const ROOT = new URL('../../', import.meta.url).pathname;

let installed: string;
let bundle: string;
let cache: string;
let repo: TestRepo;

beforeAll(() => {
  installed = makeTempDir('keyguard-code-cache-');
  for (const entry of ['package.json', 'bin', 'dist']) cpSync(join(ROOT, entry), join(installed, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(installed, 'node_modules'));
  bundle = join(installed, 'dist', 'bundle', 'keyguard.cjs');
  cache = `${bundle}.cache`;
  rmSync(cache, { force: true });
  repo = makeRepo();
  repo.write('README.md', '# project\n');
  repo.commit('initial');
  repo.write('src/client.js', `export const client = { apiKey: "${fakeKeys.openaiProject()}" };\n`);
  repo.git('add', 'src/client.js');
});

afterAll(removeTestRepos);

function stagedScan(): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(installed, 'bin', 'keyguard.js'), 'scan', '--staged', '--format', 'json'], {
    cwd: repo.dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The staged key, found: what every run below must report, cache or not. */
function expectTheFinding(run: ReturnType<typeof stagedScan>): void {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  const report = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; file: string }> };
  expect(report.findings.map((finding) => `${finding.file} ${finding.ruleId}`)).toEqual(['src/client.js openai-project-key']);
}

/** The cache a scan wrote, checked by the next scan: it is kept (not rewritten) only when it was usable. */
function expectAUsableCacheRewritten(damaged: Buffer): void {
  const rewritten = readFileSync(cache);
  expect(rewritten.equals(damaged)).toBe(false);
  expectTheFinding(stagedScan());
  expect(readFileSync(cache).equals(rewritten)).toBe(true);
}

/** Each test runs the CLI up to a dozen times, on a 2-core machine shared with the rest of the suite. */
const MANY_RUNS_MS = 180_000;

describe('the code cache of the CLI bundle', () => {
  it('is written by the first scan and then used as it is', () => {
    expectTheFinding(stagedScan());
    expect(existsSync(cache)).toBe(true);
    const written = readFileSync(cache);
    expect(written.subarray(0, 22).toString('latin1')).toBe('keyguard-code-cache 1 ');
    expectTheFinding(stagedScan());
    expect(readFileSync(cache).equals(written)).toBe(true);
  }, MANY_RUNS_MS);

  it('is ignored and replaced when its bytes are damaged (V8 would crash on some of them)', () => {
    expectTheFinding(stagedScan());
    const good = readFileSync(cache);
    const headerEnd = good.indexOf(0x0a) + 1;
    // Just past V8's own header (where a damaged byte crashed Node 20 when the cache was used
    // unchecked) and in the middle of the compiled code.
    for (const at of [headerEnd + 24, headerEnd + 30, headerEnd + 40, headerEnd + Math.floor((good.length - headerEnd) / 2)]) {
      const damaged = Buffer.from(good);
      damaged[at]! ^= 0xff;
      writeFileSync(cache, damaged);
      expectTheFinding(stagedScan());
      expectAUsableCacheRewritten(damaged);
    }
  }, MANY_RUNS_MS);

  it('is ignored and replaced when it is cut short, empty or not a cache at all', () => {
    expectTheFinding(stagedScan());
    const good = readFileSync(cache);
    for (const damaged of [good.subarray(0, good.length - 1000), Buffer.alloc(0), Buffer.from('not a cache\n'), Buffer.alloc(good.length, 7)]) {
      writeFileSync(cache, damaged);
      expectTheFinding(stagedScan());
      expectAUsableCacheRewritten(damaged);
    }
  }, MANY_RUNS_MS);

  it('made for another build of the bundle, is not used even when the bundle keeps its length', () => {
    expectTheFinding(stagedScan());
    const original = readFileSync(bundle, 'latin1');
    // A rebuilt bundle whose one change keeps its length: V8 alone would run the old code from the cache.
    const changed = original
      .replace(/^\/\/ keyguard-build \w+/, (line) => line.replace(/\w+$/, (id) => id.split('').reverse().join('')))
      .replace('Find leaked API keys', 'FIND LEAKED API KEYS');
    expect(changed.length).toBe(original.length);
    writeFileSync(bundle, changed, 'latin1');
    try {
      const help = spawnSync(process.execPath, [join(installed, 'bin', 'keyguard.js'), '--help'], { encoding: 'utf8' });
      expect(help.stdout).toContain('FIND LEAKED API KEYS');
      expectTheFinding(stagedScan());
    } finally {
      writeFileSync(bundle, original, 'latin1');
    }
  }, MANY_RUNS_MS);
});
