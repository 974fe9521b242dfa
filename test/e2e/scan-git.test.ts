import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fakeKeys } from '../helpers/fake-keys.js';
import { makeRepo, makeTempDir, removeTestRepos, runGitIn } from '../helpers/git-repo.js';

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  commit: { sha: string; summary: string } | null;
}

interface JsonReport {
  findings: JsonFinding[];
  summary: { commitsScanned: number | null; blobsScanned: number | null; warnings: string[] };
}

afterEach(removeTestRepos);

function scanJson(cwd: string, ...args: string[]): { code: number; report: JsonReport } {
  const run = runCli(['scan', '--format', 'json', ...args], { cwd });
  expect(run.stderr).toBe('');
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport };
}

function located(report: JsonReport): string[] {
  return report.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}${finding.commit ? ` @${finding.commit.summary}` : ''}`);
}

describe('keyguard scan --history', () => {
  it('finds a key deleted since and an env file untracked since, each with the commit that added it', () => {
    const repo = makeRepo();
    repo.write('README.md', '# app\n');
    repo.commit('initial');
    repo.write('src/client.js', `// client\nconst token = "${fakeKeys.github()}";\n`);
    const leak = repo.commit('add client');
    repo.write('src/client.js', '// client\nconst token = process.env.GITHUB_TOKEN;\n');
    repo.commit('use the environment');
    repo.write('.env', 'DEBUG=1\n');
    repo.commit('add env');
    repo.git('rm', '-q', '--cached', '.env');
    repo.write('.gitignore', '.env\n');
    repo.commit('untrack env');

    const { code, report } = scanJson(repo.dir, '--history');
    expect(code).toBe(1);
    expect(located(report).sort()).toEqual(['env-file-committed .env:1 @add env', 'github-pat src/client.js:2 @add client']);
    expect(report.findings.find((finding) => finding.ruleId === 'github-pat')?.commit?.sha).toBe(leak);
    expect(report.summary).toMatchObject({ commitsScanned: 5, warnings: [] });

    // The worktree is clean: only history has the key.
    expect(scanJson(repo.dir).code).toBe(0);
  });

  it('reports a key kept through later edits at the commit that added it, whatever order the pack stores the blobs in', () => {
    const repo = makeRepo();
    const key = fakeKeys.github();
    repo.write('config.js', `const token = "${key}";\n`);
    const added = repo.commit('add token');
    for (let index = 0; index < 3; index++) {
      repo.write('config.js', `const token = "${key}";\nconst version = ${index};\n`);
      repo.commit(`version ${index}`);
    }
    // A repack stores the newest version whole and first, the older ones after it as deltas, and
    // blobs are read in pack order; the finding must still be the oldest commit's.
    repo.git('repack', '-q', '-a', '-d');

    const { report } = scanJson(repo.dir, '--history');
    expect(located(report)).toEqual(['github-pat config.js:1 @add token']);
    expect(report.findings[0]?.commit?.sha).toBe(added);
    expect(report.summary).toMatchObject({ commitsScanned: 4, blobsScanned: 4 });
  });

  it('narrows with --since, an A..B range, --branch and --max-commits', () => {
    const repo = makeRepo();
    repo.write('a.js', `const a = "${fakeKeys.github()}";\n`);
    const first = repo.commit('key a');
    repo.write('b.js', `const b = "${fakeKeys.github()}";\n`);
    const second = repo.commit('key b');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('c.js', `const c = "${fakeKeys.github()}";\n`);
    repo.commit('key c');
    repo.git('checkout', '-q', 'main');

    const files = (...args: string[]) => scanJson(repo.dir, '--history', ...args).report.findings.map((finding) => finding.file).sort();
    expect(files()).toEqual(['a.js', 'b.js', 'c.js']);
    expect(files('--since', first)).toEqual(['b.js', 'c.js']);
    expect(files('--since', `${first}..${second}`)).toEqual(['b.js']);
    expect(files('--branch', 'main')).toEqual(['a.js', 'b.js']);
    expect(files('--branch', 'main', '--max-commits', '1')).toEqual(['b.js']);
  });

  it('warns about a shallow clone in the summary', () => {
    const origin = makeRepo();
    origin.write('a.js', 'export {};\n');
    origin.commit('one');
    origin.write('b.js', 'export {};\n');
    origin.commit('two');
    const clone = join(makeTempDir(), 'clone');
    runGitIn(origin.dir, ['clone', '-q', '--depth', '1', `file://${origin.dir}`, clone]);

    const { code, report } = scanJson(clone, '--history');
    expect(code).toBe(0);
    expect(report.summary.warnings).toEqual([expect.stringMatching(/^shallow clone: history before .* is not available; fetch with --unshallow to scan it all$/)]);
  });

  it('exits 2 with one line for a folder that is not a repository, an empty repository and an unknown revision', () => {
    const plain = makeTempDir();
    const empty = makeRepo();
    const repo = makeRepo();
    repo.commit('initial');
    const cases: Array<[string, string[], string]> = [
      [plain, ['--history'], `keyguard: not a git repository: ${plain}\n`],
      [plain, ['--staged'], `keyguard: not a git repository: ${plain}\n`],
      [empty.dir, ['--history'], `keyguard: no commits to scan: ${empty.dir} is an empty repository\n`],
      [repo.dir, ['--history', '--since', 'v9'], `keyguard: unknown revision: v9 (not a branch, tag or commit in ${repo.dir})\n`],
    ];
    for (const [cwd, args, stderr] of cases) {
      const run = runCli(['scan', ...args], { cwd });
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr });
    }
  });
});

describe('keyguard scan --staged', () => {
  it('blocks a newly staged key and a staged env file, not a key HEAD already has', () => {
    const repo = makeRepo();
    const oldKey = fakeKeys.github();
    repo.write('config.js', `export const legacy = "${oldKey}";\nexport const region = "eu";\n`);
    repo.commit('initial');

    repo.write('config.js', `export const legacy = "${oldKey}";\nexport const region = "us";\n`);
    repo.git('add', 'config.js');
    expect(scanJson(repo.dir, '--staged')).toMatchObject({ code: 0, report: { findings: [] } });

    repo.write('config.js', `export const legacy = "${oldKey}";\nexport const region = "us";\nexport const token = "${fakeKeys.github()}";\n`);
    repo.write('.env.local', 'DEBUG=1\n');
    repo.git('add', '-A');
    // Cleaning the working tree after `git add` does not unstage the key.
    repo.write('config.js', 'export const region = "us";\n');
    const { code, report } = scanJson(repo.dir, '--staged');
    expect(code).toBe(1);
    expect(located(report).sort()).toEqual(['env-file-staged .env.local:1', 'github-pat config.js:3']);
  });

  it('scans the first commit of a new repository', () => {
    const repo = makeRepo();
    repo.write('index.js', `const token = "${fakeKeys.github()}";\n`);
    repo.git('add', 'index.js');
    const { code, report } = scanJson(repo.dir, '--staged');
    expect(code).toBe(1);
    expect(located(report)).toEqual(['github-pat index.js:1']);
  });
});
