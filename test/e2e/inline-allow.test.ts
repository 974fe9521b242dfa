import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fakeKeys } from '../helpers/fake-keys.js';
import { makeTempDir, removeTestRepos } from '../helpers/git-repo.js';

afterAll(removeTestRepos);

interface Report {
  findings: Array<{ ruleId: string; file: string; line: number }>;
  summary: { suppressed: { inline: number; config: number; baseline: number } };
}

function scanJson(dir: string, ...flags: string[]): { code: number; report: Report } {
  const run = runCli(['scan', '.', '--format', 'json', ...flags], { cwd: dir });
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
}

describe('inline allow comments', () => {
  const dir = makeTempDir('keyguard-allow-');
  const files: Record<string, string> = {
    'a.py': `OPENAI = "${fakeKeys.openaiProject()}"  # keyguard:allow\n`,
    'b.js': `const k = "${fakeKeys.openaiProject()}"; // gitleaks:allow\n`,
    'c.yaml': `key: ${fakeKeys.openaiProject()} # pragma: allowlist secret\n`,
    'd.go': `var k = "${fakeKeys.openaiProject()}" // trufflehog:ignore\n`,
    'e.ts': `const k = "${fakeKeys.openaiProject()}"; // secretlint-disable-line\n`,
    'f.sh': `# keyguard:allow-next-line\nexport OPENAI_API_KEY=${fakeKeys.openaiProject()}\n`,
    'g.sh': `# keyguard:allow-next-line github-pat\nexport OPENAI_API_KEY=${fakeKeys.openaiProject()}\n`,
    'h.sh': `export OPENAI_API_KEY=${fakeKeys.openaiProject()} # keyguard:allow openai-project-key\n`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);

  it('suppress the findings they cover and count them in the summary', () => {
    const { code, report } = scanJson(dir);
    expect(report.findings.map((finding) => `${finding.file}:${finding.line}`)).toEqual(['g.sh:2']);
    expect(report.summary.suppressed.inline).toBe(7);
    expect(code).toBe(1);
  });

  it('say so in the text summary', () => {
    const run = runCli(['scan', '.'], { cwd: dir });
    expect(run.stdout).toContain('Suppressed 7 findings: 7 by allow comments');
  });

  it('are all ignored with --no-inline-allow', () => {
    const { report } = scanJson(dir, '--no-inline-allow');
    expect(report.findings).toHaveLength(8);
    expect(report.summary.suppressed.inline).toBe(0);
  });
});
