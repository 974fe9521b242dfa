import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fakeKeys } from '../helpers/fake-keys.js';
import { makeRepo, makeTempDir, removeTestRepos, type TestRepo } from '../helpers/git-repo.js';

afterAll(removeTestRepos);

interface Report {
  findings: Array<{ ruleId: string; file: string; line: number; fingerprint: string }>;
  summary: { suppressed: { baseline: number }; warnings: string[] };
}

const BASELINE = '.keyguard-baseline.json';

function scanJson(repo: TestRepo, ...flags: string[]): { code: number; report: Report } {
  const run = runCli(['scan', '.', '--format', 'json', '--baseline', BASELINE, ...flags], { cwd: repo.dir });
  expect(run.stderr).toBe('');
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
}

const located = (report: Report): string[] => report.findings.map((finding) => `${finding.file}:${finding.line}`);

function makeBaseline(repo: TestRepo, ...flags: string[]): string {
  const run = runCli(['baseline', ...flags], { cwd: repo.dir });
  expect(run.code).toBe(0);
  return readFileSync(join(repo.dir, BASELINE), 'utf8');
}

describe('a baseline', () => {
  const accepted = fakeKeys.openaiProject();
  const fixture = fakeKeys.github();

  function project(): TestRepo {
    const repo = makeRepo();
    repo.write('src/app.py', `import os\nOPENAI = "${accepted}"\n`);
    repo.write('test/token.txt', `token: ${fixture}\n`);
    repo.commit('old keys');
    return repo;
  }

  it('holds rule, path and a keyed hash per finding: no secret, no line, sorted, stable', () => {
    const repo = project();
    const text = makeBaseline(repo);
    const parsed = JSON.parse(text) as { keyguardBaseline: number; entries: Array<Record<string, string>> };
    expect(parsed.keyguardBaseline).toBe(1);
    expect(parsed.entries.map((entry) => `${entry.path} ${entry.rule}`)).toEqual(['src/app.py openai-project-key', 'test/token.txt github-pat']);
    for (const entry of parsed.entries) {
      expect(Object.keys(entry).sort()).toEqual(['path', 'rule', 'secretHash']);
      expect(entry.secretHash).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(text).not.toContain(accepted);
    expect(text).not.toContain(fixture);
    expect(text).not.toContain(accepted.slice(0, 12));
    // One entry per line, so branches that accept different findings merge cleanly.
    expect(text.split('\n').filter((line) => line.includes('"secretHash"'))).toHaveLength(2);
    expect(makeBaseline(repo)).toBe(text);
  });

  it('round trip: accepted findings stay accepted when code moves or files are renamed; only new keys are reported', () => {
    const repo = project();
    const before = makeBaseline(repo);
    repo.commit('baseline');
    expect(scanJson(repo)).toMatchObject({ code: 0, report: { findings: [], summary: { suppressed: { baseline: 2 } } } });

    // Code moves: the same secret further down the same file.
    repo.write('src/app.py', `import os\nimport sys\n\n\ndef main():\n    pass\nOPENAI = "${accepted}"\n`);
    expect(scanJson(repo).report.findings).toEqual([]);

    // A new key: only it is reported.
    const fresh = fakeKeys.openaiProject();
    repo.write('src/new.py', `KEY = "${fresh}"\n`);
    repo.write('src/app.py', `import os\nOPENAI = "${accepted}"\nOTHER = "${fakeKeys.github()}"\n`);
    const { code, report } = scanJson(repo);
    expect(code).toBe(1);
    expect(located(report).sort()).toEqual(['src/app.py:3', 'src/new.py:1']);
    expect(report.summary.suppressed.baseline).toBe(2);

    // A different secret on an accepted line is new.
    repo.write('src/new.py', '');
    const replacement = fakeKeys.openaiProject();
    repo.write('src/app.py', `import os\nOPENAI = "${replacement}"\n`);
    expect(located(scanJson(repo).report)).toEqual(['src/app.py:2']);

    // A renamed file: the entry's old path is gone, so its secret is accepted at the new path.
    repo.write('src/app.py', `import os\nOPENAI = "${accepted}"\n`);
    repo.git('mv', 'src/app.py', 'src/main.py');
    expect(scanJson(repo).report.findings).toEqual([]);
    // ...but not while the old path still exists: a copy is a second place the key lives.
    repo.write('src/app.py', 'import os\n');
    expect(located(scanJson(repo).report)).toEqual(['src/main.py:2']);
    expect(readFileSync(join(repo.dir, BASELINE), 'utf8')).toBe(before);
  });

  it('--report-unused lists entries that match nothing; baseline --prune removes them', () => {
    const repo = project();
    makeBaseline(repo);
    repo.write('test/token.txt', 'token: from the environment\n');
    const { report } = scanJson(repo, '--report-unused');
    expect(report.summary.warnings).toEqual([expect.stringContaining('baseline entry matches nothing: github-pat in test/token.txt')]);
    expect(scanJson(repo).report.summary.warnings).toEqual([]);

    const prune = runCli(['baseline', '--prune'], { cwd: repo.dir });
    expect(prune.code).toBe(0);
    expect(prune.stderr).toContain('removed 1 unused entry, 1 kept');
    const entries = (JSON.parse(readFileSync(join(repo.dir, BASELINE), 'utf8')) as { entries: Array<{ path: string }> }).entries;
    expect(entries.map((entry) => entry.path)).toEqual(['src/app.py']);
    expect(scanJson(repo, '--report-unused').report.summary.warnings).toEqual([]);
  });

  it('covers history scans too, and can come from the config file', () => {
    const repo = project();
    repo.write('src/app.py', 'import os\n');
    repo.commit('key removed');
    makeBaseline(repo, '--history');
    writeFileSync(join(repo.dir, 'keyguard.config.json'), JSON.stringify({ baseline: BASELINE }));
    const history = runCli(['scan', '--history', '--format', 'json'], { cwd: repo.dir });
    expect(history.code).toBe(0);
    expect((JSON.parse(history.stdout) as Report).summary.suppressed.baseline).toBeGreaterThanOrEqual(2);
    repo.write('src/late.py', `KEY = "${fakeKeys.openaiProject()}"\n`);
    repo.commit('a new key');
    const after = JSON.parse(runCli(['scan', '--history', '--format', 'json'], { cwd: repo.dir }).stdout) as Report;
    expect(located(after)).toEqual(['src/late.py:1']);
  });

  it('that is missing or malformed is a one-line error, exit 2', () => {
    const repo = project();
    const missing = runCli(['scan', '.', '--baseline', 'nope.json'], { cwd: repo.dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('keyguard: cannot read baseline nope.json: ENOENT (make one with keyguard baseline)\n');
    writeFileSync(join(repo.dir, 'bad.json'), '{"entries": []}');
    const bad = runCli(['scan', '.', '--baseline', 'bad.json'], { cwd: repo.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.json: not a keyguard baseline');
  });
});

describe('baseline writes', () => {
  it('refuses a baseline path that is a symbolic link leading out of the repository', () => {
    const repo = makeRepo();
    repo.write('app.js', `const key = "${fakeKeys.openaiProject()}";\n`);
    const outside = join(makeTempDir('keyguard-outside-'), 'precious.json');
    writeFileSync(outside, 'do not overwrite\n');
    symlinkSync(outside, join(repo.dir, BASELINE));
    const run = runCli(['baseline'], { cwd: repo.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/refusing to write baseline .*\.keyguard-baseline\.json: it is a symbolic link that leads outside its folder and the scanned one/);
    expect(readFileSync(outside, 'utf8')).toBe('do not overwrite\n');
  });
});
