import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ignore from 'ignore';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

function trackedFiles(): string[] {
  return spawnSync('git', ['ls-files', '-z'], { cwd: REPO, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
}

describe('this repository', () => {
  it('passes its own scan, with allow comments ignored too', () => {
    const run = runCli(['scan', '.', '--format', 'json', '--no-inline-allow'], { cwd: REPO });
    const report = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; file: string; line: number }> };
    expect(report.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('exempts neither the rules nor the fixtures: no .keyguardignore covers them', () => {
    const covered = ['rules/openai.yaml', 'fixtures/nextjs-leaky/.env.tpl', 'rules/', 'fixtures/'];
    for (const file of trackedFiles().filter((path) => path.endsWith('.keyguardignore'))) {
      const dir = file.slice(0, -'.keyguardignore'.length);
      const matcher = ignore().add(readFileSync(join(REPO, file), 'utf8'));
      const exempted = covered.filter((path) => path.startsWith(dir) && matcher.ignores(path.slice(dir.length)));
      expect(exempted, `${file} exempts`).toEqual([]);
    }
  });

  it('has a README whose rule and option tables match rules/ and the CLI', () => {
    const check = spawnSync(process.execPath, ['scripts/readme.js', '--check'], { cwd: REPO, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
