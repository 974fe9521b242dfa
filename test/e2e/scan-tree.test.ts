import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { binaryWith, zip } from '../helpers/archives.js';
import { fakeKeys } from '../helpers/fake-keys.js';
import { writeFileIn } from '../helpers/git-repo.js';

let dir: string;

function write(path: string, content: string | Buffer): void {
  writeFileIn(dir, path, content);
}

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  secret: string;
  severity: string;
  clientExposure: { reason: string } | null;
}

function scanJson(...args: string[]): { code: number; findings: JsonFinding[]; summary: Record<string, unknown> } {
  const run = runCli(['scan', '--format', 'json', ...args], { cwd: dir });
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as { findings: JsonFinding[]; summary: Record<string, unknown> };
  return { code: run.code, findings: report.findings, summary: report.summary };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'keyguard-tree-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('keyguard scan (working tree, not a git repository)', () => {
  it('finds a hard-coded OpenAI key with its location and redacts it', () => {
    const key = fakeKeys.openaiProject();
    write('src/client.ts', `import OpenAI from 'openai';\n\nconst client = new OpenAI({ apiKey: "${key}" });\n`);
    const { code, findings } = scanJson();
    expect(code).toBe(1);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'src/client.ts', line: 3, column: 38 });
    expect(findings[0]!.ruleId).toMatch(/^openai-/);
    expect(findings[0]!.secret).not.toContain(key.slice(10, 40));
  });

  it('prints the whole secret only with --show-secrets', () => {
    const key = fakeKeys.github();
    write('deploy.sh', `export GITHUB_TOKEN=${key}\n`);
    for (const format of ['text', 'json', 'sarif']) {
      const run = runCli(['scan', '--format', format], { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stdout).not.toContain(key);
    }
    expect(runCli(['scan', '--format', 'json', '--show-secrets'], { cwd: dir }).stdout).toContain(key);
  });

  it('counts columns in characters on lines with non-ASCII text', () => {
    write('app.py', `greeting = "héllo wörld"; key = "${fakeKeys.anthropic()}"\n`);
    const { findings } = scanJson();
    expect(findings[0]).toMatchObject({ line: 1, column: 34 });
  });

  it('skips binary and oversized files and says so in the summary', () => {
    write('image.bin', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]), Buffer.from(fakeKeys.github())]));
    write('big.txt', `token=${fakeKeys.github()}\n${'x'.repeat(2 * 1024 * 1024)}`);
    write('README.md', '# a project\n');
    const { code, summary } = scanJson('--max-file-size', '1');
    expect(code).toBe(0);
    expect(summary.filesSkipped).toBe(2);
    expect((summary.skipped as Array<{ path: string; reason: string }>).map((item) => item.reason).sort()).toEqual(['binary', 'too-large']);
  });

  it('handles a one-line minified bundle and invalid UTF-8', () => {
    const key = fakeKeys.openaiProject();
    write('dist/app.min.js', `${'var a=1;'.repeat(200_000)}const k="${key}";${'b();'.repeat(1000)}`);
    write('notes.txt', Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(` key: ${fakeKeys.huggingface()}\n`)]));
    const { findings } = scanJson();
    const bundle = findings.find((finding) => finding.file === 'dist/app.min.js');
    expect(bundle?.severity).toBe('critical');
    expect(bundle?.clientExposure).not.toBeNull();
    expect(findings.some((finding) => finding.file === 'notes.txt')).toBe(true);
  });

  it('honours .gitignore and .keyguardignore even outside a git repository', () => {
    write('.gitignore', 'generated/\n*.log\n!keep.log\n');
    write('.keyguardignore', 'vendor/\n');
    for (const path of ['generated/out.js', 'debug.log', 'vendor/lib.js']) write(path, `token = "${fakeKeys.github()}"\n`);
    write('keep.log', `token = "${fakeKeys.github()}"\n`);
    const { findings } = scanJson();
    expect(findings.map((finding) => finding.file)).toEqual(['keep.log']);
  });

  it('exits 0 on a clean folder, and by --fail-on severity', () => {
    write('README.md', '# nothing to see\n');
    expect(scanJson().code).toBe(0);
    write('config.yaml', `service:\n  api_key: "${fakeKeys.genericHex40()}"\n`);
    const found = scanJson();
    expect(found.findings).toHaveLength(1);
    expect(found.code).toBe(1);
    expect(scanJson('--fail-on', 'critical').code).toBe(0);
    expect(scanJson('--fail-on', 'none').code).toBe(0);
  });

  it('writes --output without changing the exit code', () => {
    write('a.env.example', `OPENAI_API_KEY=${fakeKeys.openaiLegacy()}\n`);
    const run = runCli(['scan', '--format', 'sarif', '--output', 'report.sarif', 'a.env.example'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const sarif = JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8')) as { runs: Array<{ results: unknown[] }> };
    expect(sarif.runs[0]!.results).toHaveLength(1);
  });

  it('gives usage errors exit code 2 and one line', () => {
    const missing = runCli(['scan', 'no-such-dir'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(runCli(['scan', '--format', 'xml'], { cwd: dir }).code).toBe(2);
    expect(runCli(['scan', '--max-file-size', 'big'], { cwd: dir }).code).toBe(2);
  });
});

describe('keyguard scan of a tree large enough for the worker pool', () => {
  it('finds every key, in order, on both sides of the switch from inline to worker detection', () => {
    // 80 files of ~100 kB: the first 4 MB are scanned on the main thread, the rest in workers
    // (src/detect/engine.ts). Keys sit in files on both sides and at both ends of their files.
    const filler = `${'const value = compute(a, b);\n'.repeat(3500)}`;
    const expected: Array<{ file: string; line: number }> = [];
    for (let index = 0; index < 80; index++) {
      const file = `src/module-${String(index).padStart(2, '0')}.js`;
      if (index % 10 === 3) {
        write(file, `const token = "${fakeKeys.github()}";\n${filler}export const k = "${fakeKeys.openaiProject()}";\n`);
        expected.push({ file, line: 1 }, { file, line: 3502 });
      } else {
        write(file, filler);
      }
    }
    const { code, findings, summary } = scanJson();
    expect(summary.filesScanned).toBe(80);
    expect(summary.bytesScanned as number).toBeGreaterThan(6 * 1024 * 1024);
    expect(code).toBe(1);
    expect(findings.map(({ file, line }) => ({ file, line }))).toEqual(expected);
  });

  it('reads, decodes, opens and skips files in the workers as it does on the main thread', () => {
    // Each text below is over 4 MB, so whichever file the walk meets first is the only one scanned
    // inline (src/detect/engine.ts): every kind has a copy that a worker reads (content/file-task.ts).
    // The UTF-16 files are also over one window, so they are streamed and windowed there.
    const filler = 'const value = compute(a, b);\n'.repeat(150_000);
    const expected: Array<[string, number]> = [];
    for (const copy of [1, 2]) {
      write(`utf16-${copy}.txt`, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${filler}const k = "${fakeKeys.openaiProject()}";\n`, 'utf16le')]));
      write(`bundle-${copy}.zip`, zip([{ name: 'config.js', data: `${filler}export const k = "${fakeKeys.openaiProject()}";\n`, store: true }]));
      write(`image-${copy}.png`, binaryWith([0x89, 0x50, 0x4e, 0x47], 'no key here'));
      expected.push([`bundle-${copy}.zip!/config.js`, 150_001], [`utf16-${copy}.txt`, 150_001]);
    }
    const { code, findings, summary } = scanJson();
    expect(code).toBe(1);
    expect(findings.map(({ file, line }) => [file, line])).toEqual(expected.sort());
    expect(summary.filesScanned).toBe(4);
    expect((summary.skipped as Array<{ path: string; reason: string }>).map(({ path, reason }) => [path, reason]).sort()).toEqual([
      ['image-1.png', 'binary'],
      ['image-2.png', 'binary'],
    ]);
  });

  it('ships the worker next to the bundle chunks that start it', () => {
    const bundle = join(import.meta.dirname, '..', '..', 'dist', 'bundle');
    expect(readFileSync(join(bundle, 'worker.js'), 'utf8')).toContain('parentPort');
  });
});

