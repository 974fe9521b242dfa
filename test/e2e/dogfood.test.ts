import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

describe('this repository', () => {
  it('passes its own scan (fixtures and rule examples are exempted in .keyguardignore)', () => {
    const run = runCli(['scan', '.', '--format', 'json'], { cwd: REPO });
    const report = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; file: string; line: number }> };
    expect(report.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('has a README whose rule and option tables match rules/ and the CLI', () => {
    const check = spawnSync(process.execPath, ['scripts/readme.js', '--check'], { cwd: REPO, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
