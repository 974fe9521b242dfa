import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { CLI, runCli } from '../helpers/cli.js';
import { fakeKeys } from '../helpers/fake-keys.js';
import { makeRepo, makeTempDir, openTestRepo, removeTestRepos, type TestRepo } from '../helpers/git-repo.js';

afterAll(removeTestRepos);

interface Report {
  findings: Array<{ ruleId: string; file: string; severity: string; clientExposure: { reason: string } | null }>;
  summary: { filesScanned: number; filesSkipped: number; skipped: Array<{ path: string; reason: string }> };
}

function scan(cwd: string, ...args: string[]): { code: number; report: Report; stderr: string } {
  const run = runCli(['scan', '--format', 'json', ...args], { cwd });
  return { code: run.code, report: run.stdout ? (JSON.parse(run.stdout) as Report) : ({} as Report), stderr: run.stderr };
}

const filesOf = (report: Report) => report.findings.map((finding) => finding.file).sort();

/** A web project whose .gitignore hides its build output, with a key inlined into the bundle. */
function webProject(): TestRepo {
  const repo = makeRepo();
  repo.write('package.json', '{ "name": "web", "version": "1.0.0" }\n');
  repo.write('.gitignore', 'node_modules/\ndist/\n.next/\n');
  repo.write('src/main.ts', 'export const answer = 42;\n');
  repo.write('dist/assets/index-abc123.js', `const c=new OpenAI({apiKey:"${fakeKeys.openaiProject()}"});\n`);
  repo.write('node_modules/lib/index.js', `const token = "${fakeKeys.github()}";\n`);
  repo.commit('web project');
  return repo;
}

describe('explicit paths and ignored build output', () => {
  it('scans a named folder that .gitignore hides', () => {
    const repo = webProject();
    const { code, report } = scan(repo.dir, 'dist');
    expect(code).toBe(1);
    expect(filesOf(report)).toEqual(['assets/index-abc123.js']);
  });

  it('scans ignored build output in a default scan, at critical severity, but not dependencies', () => {
    const repo = webProject();
    const { code, report } = scan(repo.dir);
    expect(code).toBe(1);
    expect(filesOf(report)).toEqual(['dist/assets/index-abc123.js']);
    expect(report.findings[0]!.severity).toBe('critical');
    expect(report.findings[0]!.clientExposure?.reason).toMatch(/build output/);
    expect(report.summary.skipped).toEqual([{ path: 'node_modules/', reason: 'gitignore' }]);
  });

  it('scans `.` named explicitly just like the default scan', () => {
    const repo = webProject();
    const { report } = scan(repo.dir, '.');
    expect(filesOf(report)).toEqual(['dist/assets/index-abc123.js']);
    expect(report.summary.skipped).toEqual([{ path: 'node_modules/', reason: 'gitignore' }]);
  });

  it('scans a tracked file that .gitignore matches and does not list it as skipped', () => {
    const repo = webProject();
    repo.write('secrets.log', `token = "${fakeKeys.github()}"\n`);
    repo.git('add', 'secrets.log');
    repo.write('.gitignore', 'node_modules/\ndist/\n*.log\n');
    repo.write('other.log', 'nothing here\n');
    const { report } = scan(repo.dir, '--no-build-output');
    expect(filesOf(report)).toEqual(['secrets.log']);
    expect(report.summary.skipped.map((item) => item.path).sort()).toEqual(['dist/', 'node_modules/', 'other.log']);
  });

  it('leaves build output out with --no-build-output, and says so', () => {
    const repo = webProject();
    const { code, report } = scan(repo.dir, '--no-build-output');
    expect(code).toBe(0);
    expect(report.summary.skipped.map((item) => item.path).sort()).toEqual(['dist/', 'node_modules/']);
  });

  it('scans .next/static but not the rest of .next', () => {
    const repo = webProject();
    repo.write('.next/static/chunks/pages/index-3f9a.js', `var k="${fakeKeys.anthropic()}";\n`);
    repo.write('.next/server/app/page.js', `var k="${fakeKeys.anthropic()}";\n`);
    const { report } = scan(repo.dir, '--no-build-output');
    expect(filesOf(report)).toEqual([]);
    const all = scan(repo.dir).report;
    expect(filesOf(all)).toEqual(['.next/static/chunks/pages/index-3f9a.js', 'dist/assets/index-abc123.js']);
    expect(all.findings.every((finding) => finding.severity === 'critical')).toBe(true);
    expect(all.summary.skipped.map((item) => item.path)).toContain('.next/');
  });

  it('scans build output of each package in a monorepo', () => {
    const repo = makeRepo();
    repo.write('.gitignore', 'dist/\n');
    repo.write('packages/web/package.json', '{ "name": "web" }\n');
    repo.write('packages/web/dist/app.js', `const k = "${fakeKeys.openaiProject()}";\n`);
    repo.write('packages/tool/dist/app.js', `const k = "${fakeKeys.openaiProject()}";\n`);
    repo.commit('monorepo');
    expect(filesOf(scan(repo.dir).report)).toEqual(['packages/web/dist/app.js']);
  });

  it('scans a named folder under an ignored parent', () => {
    const repo = makeRepo();
    repo.write('outer/.gitignore', 'inner/\n');
    repo.write('outer/inner/config.js', `const key = "${fakeKeys.openaiProject()}";\n`);
    repo.commit('outer');
    expect(scan(repo.dir).report.findings).toEqual([]);
    const { code, report } = scan(repo.dir, 'outer/inner');
    expect(code).toBe(1);
    expect(filesOf(report)).toEqual(['config.js']);
    repo.write('.gitignore', 'outer/\n');
    expect(filesOf(scan(join(repo.dir, 'outer'), 'inner').report)).toEqual(['config.js']);
  });

  it('scans a folder that a deeper .gitignore re-includes, as git lists it, also when named', () => {
    const repo = makeRepo();
    repo.write('.gitignore', 'app/*/\n');
    repo.write('app/.gitignore', '!settings/\n');
    repo.write('app/settings/prod.js', `const key = "${fakeKeys.openaiProject()}";\n`);
    repo.write('app/cache/old.js', `const key = "${fakeKeys.openaiProject()}";\n`);
    expect(repo.git('ls-files', '--others', '--exclude-standard').split('\n').filter(Boolean).sort()).toEqual(['.gitignore', 'app/.gitignore', 'app/settings/prod.js']);
    const whole = scan(repo.dir).report;
    expect(filesOf(whole)).toEqual(['app/settings/prod.js']);
    expect(whole.summary.skipped).toEqual([{ path: 'app/cache/', reason: 'gitignore' }]);
    expect(filesOf(scan(repo.dir, 'app/settings').report)).toEqual(['prod.js']);
  });

  it('lets a deeper .keyguardignore re-include a folder a shallower one exempts, for tracked files too', () => {
    const repo = makeRepo();
    repo.write('.keyguardignore', 'app/*/\n');
    repo.write('app/.keyguardignore', '!settings/\n');
    repo.write('app/settings/prod.js', `const key = "${fakeKeys.openaiProject()}";\n`);
    repo.write('app/cache/old.js', `const key = "${fakeKeys.openaiProject()}";\n`);
    repo.commit('app');
    const { report } = scan(repo.dir);
    expect(filesOf(report)).toEqual(['app/settings/prod.js']);
    expect(report.summary.skipped).toEqual([{ path: 'app/cache/', reason: 'keyguardignore' }]);
  });

  it('tells case apart in ignore patterns, as git does on Linux: .env does not hide .ENV', () => {
    const repo = makeRepo();
    repo.write('.gitignore', '.env\n');
    repo.write('.ENV', `OPENAI_API_KEY=${fakeKeys.openaiProject()}\n`);
    const { report } = scan(repo.dir);
    expect(filesOf(report)).toEqual(['.ENV']);
  });

  it('applies .gitignore files inside a named ignored folder only with --respect-ignore-inside', () => {
    const repo = webProject();
    repo.write('dist/.gitignore', '*.map\n');
    repo.write('dist/assets/index-abc123.js.map', `{"sourcesContent":["const k = '${fakeKeys.github()}'"]}\n`);
    expect(filesOf(scan(repo.dir, 'dist').report)).toEqual(['assets/index-abc123.js', 'assets/index-abc123.js.map']);
    const respected = scan(repo.dir, 'dist', '--respect-ignore-inside').report;
    expect(filesOf(respected)).toEqual(['assets/index-abc123.js']);
    expect(respected.summary.skipped).toEqual([{ path: 'assets/index-abc123.js.map', reason: 'gitignore' }]);
  });

  it('keeps honouring .gitignore inside a named folder that is not ignored', () => {
    const repo = webProject();
    repo.write('src/.gitignore', 'generated/\n');
    repo.write('src/generated/client.ts', `export const key = "${fakeKeys.github()}";\n`);
    const { code, report } = scan(repo.dir, 'src');
    expect(code).toBe(0);
    expect(report.summary.skipped).toEqual([{ path: 'generated/', reason: 'gitignore' }]);
  });

  it('scans everything under the paths with --no-ignore, .keyguardignore still applying unless --no-keyguardignore', () => {
    const repo = webProject();
    repo.write('.keyguardignore', 'fixtures/\n');
    repo.write('fixtures/sample.js', `const k = "${fakeKeys.huggingface()}";\n`);
    expect(filesOf(scan(repo.dir, '--no-ignore').report)).toEqual(['dist/assets/index-abc123.js', 'node_modules/lib/index.js']);
    const everything = scan(repo.dir, '--no-ignore', '--no-keyguardignore').report;
    expect(filesOf(everything)).toEqual(['dist/assets/index-abc123.js', 'fixtures/sample.js', 'node_modules/lib/index.js']);
  });

  it('lets .keyguardignore exempt a named file, as a lint-staged run expects', () => {
    const repo = webProject();
    repo.write('.keyguardignore', 'fixtures/\n');
    repo.write('fixtures/sample.js', `const k = "${fakeKeys.huggingface()}";\n`);
    const { code, report } = scan(repo.dir, 'fixtures/sample.js');
    expect(code).toBe(0);
    expect(report.summary.skipped).toEqual([{ path: 'fixtures/sample.js', reason: 'keyguardignore' }]);
    expect(filesOf(scan(repo.dir, '--no-keyguardignore', 'fixtures/sample.js').report)).toEqual(['fixtures/sample.js']);
  });
});

describe('what was not scanned', () => {
  it('lists an ignored folder once with --verbose, not every file in it', () => {
    const repo = webProject();
    for (let index = 0; index < 5; index++) repo.write(`node_modules/lib/file-${index}.js`, 'module.exports = 1;\n');
    const run = runCli(['scan', '--verbose'], { cwd: repo.dir });
    expect(run.stdout).toContain('Skipped 1 folder: ignored by .gitignore\n  node_modules/  ignored by .gitignore\n');
    expect(run.stdout).not.toContain('file-0.js');
  });

  it('exits 2 with one line when the named paths hold files but none could be scanned', () => {
    const repo = webProject();
    repo.write('dist/.gitignore', '*\n');
    const ignored = runCli(['scan', 'dist', '--respect-ignore-inside'], { cwd: repo.dir });
    expect(ignored.code).toBe(2);
    expect(ignored.stderr.trim().split('\n')).toHaveLength(1);
    expect(ignored.stderr).toMatch(/nothing was scanned in dist: \d+ ignored by \.gitignore/);

    repo.write('images/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    const binary = runCli(['scan', 'images'], { cwd: repo.dir });
    expect(binary.code).toBe(2);
    expect(binary.stderr).toBe('keyguard: nothing was scanned in images: 1 binary (logo.png: binary)\n');
  });

  it('exits 0 on an empty folder', () => {
    const repo = webProject();
    mkdirSync(join(repo.dir, 'empty'));
    const { code, report } = scan(repo.dir, 'empty');
    expect(code).toBe(0);
    expect(report.summary.filesScanned).toBe(0);
  });
});

describe('glob arguments', () => {
  it('expands globs itself, matching ignored and dot files but not dependencies', () => {
    const repo = webProject();
    repo.write('dist/.env.production', `OPENAI_API_KEY=${fakeKeys.openaiProject()}\n`);
    repo.write('dist/notes.txt', `token ${fakeKeys.github()}\n`);
    repo.write('src/app.tsx', `const k = "${fakeKeys.anthropic()}";\n`);
    const { code, report } = scan(repo.dir, 'dist/**/*.js', 'src/**/*.{ts,tsx}', '**/.env*');
    expect(code).toBe(1);
    expect(filesOf(report)).toEqual(['dist/.env.production', 'dist/assets/index-abc123.js', 'src/app.tsx']);
    expect(filesOf(scan(repo.dir, '**/*.js').report)).toEqual(['dist/assets/index-abc123.js']);
  });

  it('takes an existing path with glob characters as it is', () => {
    const repo = webProject();
    repo.write('pages/[id].js', `const k = "${fakeKeys.openaiProject()}";\n`);
    repo.write('pages/1.js', `const k = "${fakeKeys.openaiProject()}";\n`);
    expect(filesOf(scan(repo.dir, 'pages/[id].js').report)).toEqual(['pages/[id].js']);
  });

  it('exits 2 with one line when a glob matches nothing', () => {
    const repo = webProject();
    const run = runCli(['scan', 'build/**/*.js'], { cwd: repo.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('keyguard: no files match build/**/*.js\n');
  });
});

describe('keyguard scan --pack', () => {
  /** A package folder (not a git repository: npm reads .gitignore itself). */
  function npmPackage(files: Record<string, string>): string {
    const dir = makeTempDir('keyguard-pack-');
    const pkg = openTestRepo(dir);
    pkg.write('package.json', files['package.json'] ?? '{ "name": "demo-pkg", "version": "1.0.0" }\n');
    pkg.write('index.js', 'module.exports = 1;\n');
    pkg.write('.env', `OPENAI_API_KEY=${fakeKeys.openaiProject()}\n`);
    for (const [path, content] of Object.entries(files)) pkg.write(path, content);
    return dir;
  }

  it('reports the .env that an .npmignore lets npm publish though .gitignore hides it', () => {
    const dir = npmPackage({ '.gitignore': '.env\n', '.npmignore': 'test/\n' });
    const { code, report } = scan(dir, '--pack');
    expect(code).toBe(1);
    expect(report.findings.map((finding) => `${finding.file} ${finding.ruleId}`)).toContainEqual('.env env-file-published');
    expect(report.findings.find((finding) => finding.ruleId === 'env-file-published')!.severity).toBe('critical');
    expect(filesOf(report).filter((file) => file !== '.env')).toEqual([]);
  });

  it('is clean when npm leaves the .env out (.gitignore without .npmignore, or a files list)', () => {
    const ignored = npmPackage({ '.gitignore': '.env\n' });
    expect(scan(ignored, '--pack').code).toBe(0);
    const listed = npmPackage({ 'package.json': '{ "name": "demo-pkg", "version": "1.0.0", "files": ["lib"] }\n', 'lib/index.js': 'module.exports = 2;\n' });
    const { code, report } = scan(listed, '--pack');
    expect(code).toBe(0);
    expect(report.summary.filesScanned).toBe(2); // package.json and lib/index.js
  });

  it('finds a key in a published file, given the package folder', () => {
    const dir = npmPackage({ 'package.json': '{ "name": "demo-pkg", "version": "1.0.0", "files": ["lib"] }\n', 'lib/index.js': `module.exports = "${fakeKeys.github()}";\n` });
    const { code, report } = scan(join(dir, '..'), '--pack', dir);
    expect(code).toBe(1);
    expect(filesOf(report)).toEqual(['lib/index.js']);
  });

  it('stops `npm publish` from a prepublishOnly script, as the README recipe shows', () => {
    const script = `node ${JSON.stringify(CLI)} scan --pack`;
    const dir = npmPackage({ 'package.json': JSON.stringify({ name: 'demo-pkg', version: '1.0.0', scripts: { prepublishOnly: script } }), '.npmignore': 'test/\n' });
    const publish = spawnSync('npm', ['publish', '--dry-run', '--offline'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(publish.stdout).toContain('env-file-published');
    expect(publish.status).not.toBe(0);
  });

  it('exits 2 without a package.json', () => {
    const run = runCli(['scan', '--pack'], { cwd: makeTempDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^keyguard: --pack: no package.json in /);
  });
});
