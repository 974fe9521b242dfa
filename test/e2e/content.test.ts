/**
 * The content stage end to end: archives and app bundles built by the tests, standard input,
 * FIFOs, big one-line bundles, UTF-16 and a text file with a stray NUL, through the built CLI.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WINDOW_BYTES } from '../../src/content/windows.js';
import { binaryWith, tar, tgz, zip } from '../helpers/archives.js';
import { runCli } from '../helpers/cli.js';
import { fakeKeys } from '../helpers/fake-keys.js';
import { makeRepo, removeTestRepos, writeFileIn } from '../helpers/git-repo.js';

let dir: string;

function write(path: string, content: string | Buffer): void {
  writeFileIn(dir, path, content);
}

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  severity: string;
}
interface JsonSummary {
  mode: string;
  filesScanned: number;
  bytesScanned: number;
  skipped: { path: string; reason: string; detail?: string }[];
  warnings: string[];
}

function scanJson(args: string[], options: { input?: string | Buffer; cwd?: string } = {}): { code: number; findings: JsonFinding[]; summary: JsonSummary } {
  const run = runCli(['scan', '--format', 'json', ...args], { cwd: options.cwd ?? dir, timeout: 120_000, ...(options.input !== undefined && { input: options.input }) });
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as { findings: JsonFinding[]; summary: JsonSummary };
  return { code: run.code, findings: report.findings, summary: report.summary };
}

const MACH_O_64 = [0xcf, 0xfa, 0xed, 0xfe];
const DEX = [...Buffer.from('dex\n035\0')];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'keyguard-content-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  removeTestRepos();
});

describe('archives and app bundles', () => {
  it('finds a key in a tgz inside a zip, named by the path through both', () => {
    const inner = tgz([{ name: 'app/config.js', data: `module.exports = { key: "${fakeKeys.openaiProject()}" };\n` }]);
    write('release.zip', zip([{ name: 'README.md', data: '# release\n' }, { name: 'inner.tgz', data: inner, store: true }]));
    const { code, findings } = scanJson(['.']);
    expect(code).toBe(1);
    expect(findings.map((finding) => [finding.file, finding.line])).toEqual([['release.zip!/inner.tgz!/app/config.js', 1]]);
  });

  it('finds a key compiled into an APK DEX and into an IPA binary plist and Mach-O executable', () => {
    write('app-release.apk', zip([
      { name: 'AndroidManifest.xml', data: binaryWith([0x03, 0x00, 0x08, 0x00]) },
      { name: 'classes.dex', data: binaryWith(DEX, 'Lcom/example/BuildConfig;', fakeKeys.openaiProject()) },
    ]));
    write('App.ipa', zip([
      { name: 'Payload/App.app/Info.plist', data: binaryWith([...Buffer.from('bplist00')], 'OPENAI_API_KEY', fakeKeys.anthropic()) },
      { name: 'Payload/App.app/App', data: binaryWith(MACH_O_64, fakeKeys.github()) },
    ]));
    const { findings } = scanJson(['.']);
    expect(findings.map((finding) => finding.file).sort()).toEqual([
      'App.ipa!/Payload/App.app/App',
      'App.ipa!/Payload/App.app/Info.plist',
      'app-release.apk!/classes.dex',
    ]);
  });

  it('skips a binary outside an app bundle unless --binary asks for its strings', () => {
    write('tool.bin', binaryWith(MACH_O_64, fakeKeys.github()));
    // Something readable beside it: a folder where nothing at all could be scanned exits 2 (scan-paths.test.ts).
    write('notes.txt', 'release notes\n');
    const plain = scanJson(['.']);
    expect(plain.findings).toEqual([]);
    expect(plain.summary.skipped).toEqual([{ path: 'tool.bin', reason: 'binary' }]);
    expect(scanJson(['--binary', '.']).findings.map((finding) => finding.file)).toEqual(['tool.bin']);
  });

  it('scans a docker-save tarball through its layer tarballs', () => {
    const layer = tar([
      { name: 'app/', data: '' },
      { name: 'app/.env', data: `OPENAI_API_KEY=${fakeKeys.openaiProject()}\n` },
    ]);
    write('image.tar', tar([
      { name: 'manifest.json', data: '[{"Config":"config.json","Layers":["abc123/layer.tar"]}]' },
      { name: 'abc123/layer.tar', data: layer },
    ]));
    const { findings } = scanJson(['.']);
    expect(findings.map((finding) => finding.file)).toEqual(['image.tar!/abc123/layer.tar!/app/.env']);
  });

  it('refuses a zip bomb, an encrypted entry and archives past --archive-depth, and says so', () => {
    write('bomb.zip', zip([{ name: 'zeros.txt', data: Buffer.alloc(50 * 1024 * 1024) }]));
    write('secret.zip', zip([{ name: 'keys.txt', data: `key=${fakeKeys.openaiProject()}`, store: true, encrypted: true }]));
    write('deep.zip', zip([{ name: 'inner.zip', data: zip([{ name: 'a.txt', data: `k="${fakeKeys.openaiProject()}"` }]), store: true }]));
    write('notes.txt', 'release notes\n');
    const { code, findings, summary } = scanJson(['--archive-depth', '1', '.']);
    expect(code).toBe(0);
    expect(findings).toEqual([]);
    expect(summary.skipped.map(({ path, reason }) => [path, reason]).sort()).toEqual([
      ['bomb.zip!/zeros.txt', 'archive-limit'],
      ['deep.zip!/inner.zip', 'archive-depth'],
      ['secret.zip!/keys.txt', 'encrypted'],
    ]);
    expect(scanJson(['.']).findings.map((finding) => finding.file)).toEqual(['deep.zip!/inner.zip!/a.txt']);
  });

  it('scans entries whose names climb out of the archive, under a clean name, with a warning', () => {
    write('evil.zip', zip([{ name: '../../etc/evil.js', data: `const k = "${fakeKeys.openaiProject()}";` }]));
    const { findings, summary } = scanJson(['.']);
    expect(findings.map((finding) => finding.file)).toEqual(['evil.zip!/etc/evil.js']);
    expect(summary.warnings.join('\n')).toContain('evil.zip!/../../etc/evil.js: entry name points outside the archive');
  });

  it('names the archive as the SARIF artifact and the entry in the message and properties', () => {
    write('lib.jar', zip([{ name: 'config/app.properties', data: `openai.key=${fakeKeys.openaiProject()}\n` }]));
    const run = runCli(['scan', '--format', 'sarif', '.'], { cwd: dir });
    const result = (JSON.parse(run.stdout) as { runs: { results: Record<string, any>[] }[] }).runs[0]!.results[0]!;
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('lib.jar');
    expect(result.message.text).toContain('In archive entry: config/app.properties');
    expect(result.properties.archiveEntry).toEqual({ path: 'config/app.properties', line: 1, column: 12 });
  });

  it('scans archives committed to git in --history and --staged', () => {
    const repo = makeRepo();
    repo.write('dist.zip', zip([{ name: 'main.js', data: `const k = "${fakeKeys.openaiProject()}";` }]));
    repo.commit('add bundle');
    repo.write('next.tgz', tgz([{ name: 'package/index.js', data: `const k = "${fakeKeys.openaiProject()}";` }]));
    repo.git('add', 'next.tgz');
    const history = scanJson(['--history', '.'], { cwd: repo.dir });
    expect(history.findings.map((finding) => finding.file)).toEqual(['dist.zip!/main.js']);
    const staged = scanJson(['--staged', '.'], { cwd: repo.dir });
    expect(staged.findings.map((finding) => finding.file)).toEqual(['next.tgz!/package/index.js']);
  });
});

describe('standard input and FIFOs', () => {
  it('scans standard input with -, named by --stdin-name, with the same exit codes', () => {
    const input = `const k = "${fakeKeys.openaiProject()}";\n`;
    const named = scanJson(['-', '--stdin-name', 'dist/app.js'], { input });
    expect(named.code).toBe(1);
    expect(named.summary.mode).toBe('stdin');
    expect(named.findings.map((finding) => [finding.file, finding.line, finding.column])).toEqual([['dist/app.js', 1, 12]]);
    expect(scanJson(['-'], { input: 'nothing here\n' }).code).toBe(0);
    expect(runCli(['scan', '-', '.'], { cwd: dir }).code).toBe(2);
  });

  it('names /dev/stdin given as a path by itself, not by a path that climbs out of the folder', () => {
    const input = `const k = "${fakeKeys.openaiProject()}";\n`;
    expect(scanJson(['/dev/stdin'], { input }).findings.map((finding) => finding.file)).toEqual(['/dev/stdin']);
  });

  it('opens an archive piped to standard input', () => {
    const input = tgz([{ name: 'package/.env', data: `KEY=${fakeKeys.anthropic()}\n` }]);
    const { findings } = scanJson(['-', '--stdin-name', 'package.tgz'], { input });
    expect(findings.map((finding) => finding.file)).toEqual(['package.tgz!/package/.env']);
  });

  it('reads a FIFO given as a path, and never waits for one that nobody writes to', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // Nobody writes: an empty input after a short grace, not a hang (the timeout kills a hang).
    const idle = runCli(['scan', '--format', 'json', fifo], { cwd: dir, timeout: 20_000 });
    expect(idle.code).toBe(0);
    // A folder holding a FIFO: the walk never opens it, and the summary says so.
    const walked = runCli(['scan', '--format', 'json', '.'], { cwd: dir, timeout: 20_000 });
    expect(walked.code).toBe(0);
    expect((JSON.parse(walked.stdout) as { summary: { skipped: unknown[] } }).summary.skipped).toContainEqual({ path: 'pipe', reason: 'not-a-file' });

    const key = fakeKeys.openaiProject();
    const writer = spawn('sh', ['-c', `printf 'const k = "%s";\\n' "$1" > "$2"`, 'sh', key, fifo]);
    const fed = runCli(['scan', '--format', 'json', fifo], { cwd: dir, timeout: 20_000 });
    writer.kill();
    expect(fed.code).toBe(1);
    expect((JSON.parse(fed.stdout) as { findings: JsonFinding[] }).findings).toHaveLength(1);
  });
});

describe('big, encoded and odd text', () => {
  it('scans a 60 MB one-line bundle in windows: a key across a window cut and one at the end, each once', () => {
    const across = fakeKeys.openaiProject();
    const last = fakeKeys.openaiProject();
    const prefix = 'const a="';
    const acrossAt = WINDOW_BYTES - 40 - prefix.length;
    const filler = (length: number) => 'x=1;'.repeat(Math.ceil(length / 4)).slice(0, length);
    const head = `${filler(acrossAt)}${prefix}${across}";`;
    const bundle = `${head}${filler(60 * 1024 * 1024 - head.length)}const b="${last}";`;
    write('dist/app.min.js', bundle);
    const { findings, summary } = scanJson(['.']);
    expect(summary.bytesScanned).toBe(Buffer.byteLength(bundle));
    expect(findings.map((finding) => [finding.line, finding.column])).toEqual([
      [1, acrossAt + prefix.length + 1],
      [1, bundle.length - last.length - 1],
    ]);
  });

  it('decodes UTF-16 LE and BE with right lines, and a stray NUL no longer hides a text file', () => {
    const text = (key: string) => `first line\r\nsecond\r\nconst k = "${key}";\r\n`;
    write('le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text(fakeKeys.openaiProject()), 'utf16le')]));
    write('be.txt', Buffer.from(text(fakeKeys.openaiProject()), 'utf16le').swap16());
    write('nul.js', `// header\0\nconst k = "${fakeKeys.openaiProject()}";\n`);
    const { findings, summary } = scanJson(['.']);
    expect(summary.bytesScanned).toBe(['le.txt', 'be.txt', 'nul.js'].reduce((sum, name) => sum + statSync(join(dir, name)).size, 0));
    expect(findings.map((finding) => [finding.file, finding.line, finding.column])).toEqual([
      ['be.txt', 3, 12],
      ['le.txt', 3, 12],
      ['nul.js', 2, 12],
    ]);
  });
});
