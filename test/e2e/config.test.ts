import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { acmeRule } from '../helpers/custom-rule.js';
import { fakeKeys, randomFrom } from '../helpers/fake-keys.js';
import { makeRepo, makeTempDir, removeTestRepos, type TestRepo } from '../helpers/git-repo.js';

afterAll(removeTestRepos);

interface Report {
  findings: Array<{ ruleId: string; file: string; severity: string }>;
  summary: { suppressed: { inline: number; config: number; baseline: number } };
}

const LOWERNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A project with an OpenAI key in code, a GitHub token in a test fixture and an in-house key. */
function project(): TestRepo {
  const repo = makeRepo();
  repo.write('src/app.py', `OPENAI = "${fakeKeys.openaiProject()}"\n`);
  repo.write('test/fixtures/token.txt', `token: ${fakeKeys.github()}\n`);
  repo.write('src/acme.ts', `const acme = "acme_${randomFrom(LOWERNUM, 32)}";\n`);
  repo.commit('project');
  return repo;
}

function withConfig(repo: TestRepo, config: unknown, name = 'keyguard.config.json'): void {
  writeFileSync(join(repo.dir, name), typeof config === 'string' ? config : JSON.stringify(config, null, 2));
}

function scanJson(repo: TestRepo, ...flags: string[]): { code: number; report: Report; stderr: string } {
  const run = runCli(['scan', '.', '--format', 'json', ...flags], { cwd: repo.dir });
  return { code: run.code, report: JSON.parse(run.stdout || '{}') as Report, stderr: run.stderr };
}

const found = (report: Report): string[] => report.findings.map((finding) => `${finding.ruleId} ${finding.file}`).sort();


describe('a config file', () => {
  it('is not needed: without one the built-in rules run', () => {
    const repo = project();
    expect(found(scanJson(repo).report)).toEqual(['github-pat test/fixtures/token.txt', 'openai-project-key src/app.py']);
  });

  it('adds custom rules, disables rules, changes severities, scopes rules to paths', () => {
    const repo = project();
    withConfig(repo, {
      $schema: './node_modules/keyguard/docs/config.schema.json',
      rules: [acmeRule()],
      disableRules: ['github-pat'],
      ruleSettings: { 'openai-project-key': { severity: 'low' }, 'acme-api-key': { paths: ['src/'] } },
    });
    const { report } = scanJson(repo);
    expect(found(report)).toEqual(['acme-api-key src/acme.ts', 'openai-project-key src/app.py']);
    expect(report.findings.find((finding) => finding.ruleId === 'openai-project-key')!.severity).toBe('low');

    const rules = runCli(['rules', '--format', 'json'], { cwd: repo.dir });
    const ids = (JSON.parse(rules.stdout) as Array<{ id: string }>).map((rule) => rule.id);
    expect(ids).toContain('acme-api-key');
    expect(ids).not.toContain('github-pat');
  });

  it('scopes with excludePaths and accepts allowlisted paths and values, counting them', () => {
    const repo = project();
    withConfig(repo, {
      rules: [acmeRule()],
      ruleSettings: { 'acme-api-key': { excludePaths: ['*.ts'] } },
      allowlist: { paths: ['test/fixtures/'], stopwords: ['proj'] },
    });
    const { report, code } = scanJson(repo);
    expect(found(report)).toEqual([]);
    // The fourth: the custom rule's own literal example, in the config file.
    expect(report.summary.suppressed.config).toBe(4);
    expect(code).toBe(0);
    expect(runCli(['scan', '.'], { cwd: repo.dir }).stdout).toContain("4 by the config's allowlists");
  });

  it('accepts values by regex, per rule', () => {
    const repo = project();
    withConfig(repo, { ruleSettings: { 'github-pat': { allowlist: { regexes: ['^gh'] } } } });
    expect(found(scanJson(repo).report)).toEqual(['openai-project-key src/app.py']);
  });

  it('sets scan option defaults that the command line overrides', () => {
    const repo = project();
    withConfig(repo, { failOn: 'none', format: 'json' });
    const run = runCli(['scan', '.'], { cwd: repo.dir });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as Report).findings).toHaveLength(2);
    expect(runCli(['scan', '.', '--fail-on', 'low', '--format', 'text'], { cwd: repo.dir }).code).toBe(1);
  });

  it('is found at the repository root when a subfolder is scanned, and named with --config', () => {
    const repo = project();
    withConfig(repo, { disableRules: ['openai-project-key'] });
    const sub = runCli(['scan', 'src', '--format', 'json'], { cwd: repo.dir });
    expect((JSON.parse(sub.stdout) as Report).findings).toHaveLength(0);
    withConfig(repo, { disableRules: ['github-pat'] }, 'other.json');
    const named = runCli(['scan', '.', '--format', 'json', '--config', 'other.json'], { cwd: repo.dir });
    expect(found(JSON.parse(named.stdout) as Report)).toEqual(['openai-project-key src/app.py']);
  });

  it('applies severity, scope and disabling to the hygiene checks too', () => {
    const repo = project();
    repo.write('.env', `OPENAI_API_KEY=${fakeKeys.openaiProject()}\n`);
    repo.write('test/.env', 'APP_NAME=demo\n');
    repo.commit('env files');
    withConfig(repo, { ruleSettings: { 'env-file-tracked': { severity: 'low', excludePaths: ['test/'] } }, disableRules: ['gitignore-missing-entry'] });
    const hygiene = scanJson(repo).report.findings.filter((finding) => finding.ruleId.startsWith('env-') || finding.ruleId.startsWith('gitignore-'));
    expect(hygiene.map((finding) => `${finding.ruleId} ${finding.file} ${finding.severity}`)).toEqual(['env-file-tracked .env low']);
  });

  it("in the README is valid and its rule's examples pass", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'));
    const example = /```json\n([\s\S]*?)```/.exec(section)![1]!;
    const repo = project();
    withConfig(repo, example);
    const run = runCli(['rules', 'check'], { cwd: repo.dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('all pass');
  });

  it('is validated with ajv, which a run without a config never loads', () => {
    // The CLI bundle require()s its lazily loaded packages: at exit, Node's module cache lists them.
    const hooks = makeTempDir('keyguard-hooks-');
    writeFileSync(join(hooks, 'probe.cjs'), "process.on('exit', () => { if (Object.keys(require.cache).some((file) => /[\\\\/]node_modules[\\\\/]ajv[\\\\/]/.test(file))) process.stderr.write('loaded ajv\\n'); });\n");
    const env = { NODE_OPTIONS: `--require ${join(hooks, 'probe.cjs')}` };
    const repo = project();
    expect(runCli(['scan', '.', '-q'], { cwd: repo.dir, env }).stderr).toBe('');
    withConfig(repo, { failOn: 'high' });
    expect(runCli(['scan', '.', '-q'], { cwd: repo.dir, env }).stderr).toContain('loaded ajv');
  });

  it('may be YAML', () => {
    const repo = project();
    withConfig(repo, 'disableRules:\n  - github-pat\n  - openai-project-key\n', '.keyguardrc.yaml');
    expect(found(scanJson(repo).report)).toEqual([]);
  });

  describe('that is invalid stops the run with one line naming the file and the field (exit 2)', () => {
    it.each([
      ['an unknown key', { failOn: 'high', ignorePaths: ['x'] }, 'ignorePaths: unknown key'],
      ['an unknown nested key', { allowlist: { path: ['x'] } }, 'allowlist.path: unknown key'],
      ['a wrong type', { failOn: 3 }, 'failOn: must be string'],
      ['a wrong value', { ruleSettings: { 'github-pat': { severity: 'urgent' } } }, 'ruleSettings.github-pat.severity: must be one of info, low, medium, high, critical'],
      ['a bad regex', { allowlist: { regexes: ['(unclosed'] } }, 'allowlist.regexes[0]: not a valid regular expression'],
      ['a dangerous regex', { allowlist: { regexes: ['^(a+)+$'] } }, 'allowlist.regexes[0]: the regex "^(a+)+$" can backtrack catastrophically'],
      ['a dangerous rule pattern', { rules: [acmeRule({ pattern: '(acme_(?:[a-z0-9]+)*)' })] }, 'rules[0] (acme-api-key).pattern: the regex'],
      ['a rule without a capture group', { rules: [acmeRule({ pattern: 'acme_[a-z0-9]{32}' })] }, 'rules[0] (acme-api-key): "pattern" must have exactly one capturing group'],
      ['an unknown rule id', { disableRules: ['no-such-rule'] }, 'no rule has the id "no-such-rule"'],
      ['a custom rule that reuses a built-in id', { rules: [acmeRule({ id: 'github-pat' })] }, 'rules[0].id: "github-pat" is already a rule'],
      ['invalid JSON', '{ "failOn": ', 'invalid JSON'],
    ])('%s', (_, config, message) => {
      const repo = project();
      withConfig(repo, config);
      const run = runCli(['scan', '.'], { cwd: repo.dir });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(join(repo.dir, 'keyguard.config.json'));
      expect(lines[0]).toContain(message);
    });

    it('a --config file that does not exist', () => {
      const repo = project();
      const run = runCli(['scan', '.', '--config', 'missing.json'], { cwd: repo.dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('cannot read config file missing.json: ENOENT');
    });
  });
});

describe('keyguard rules check', () => {
  it("passes when the config's rules prove themselves both ways", () => {
    const repo = project();
    withConfig(repo, { rules: [acmeRule()] });
    const run = runCli(['rules', 'check'], { cwd: repo.dir });
    expect(run.stdout).toContain('1 custom rule(s), 2 example(s), all pass');
    expect(run.code).toBe(0);
  });

  it('exits 1 naming each example that fails', () => {
    const repo = project();
    const tooShort = 'ACME_KEY=acme_abc';
    const looksReal = `acme_${randomFrom(LOWERNUM, 32)}`;
    withConfig(repo, { rules: [acmeRule({ examples: [tooShort], negativeExamples: [looksReal] })] }, 'rules.json');
    const run = runCli(['rules', 'check', '--config', 'rules.json'], { cwd: repo.dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`FAIL acme-api-key: example 1 finds nothing of the rule: ${tooShort}`);
    expect(run.stdout).toContain(`FAIL acme-api-key: negative example 1 is reported by the rule: ${looksReal}`);
  });

  it('exits 2 on an invalid config', () => {
    const repo = project();
    withConfig(repo, { rules: [acmeRule({ severity: 'urgent' })] });
    const run = runCli(['rules', 'check'], { cwd: repo.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('rules[0].severity: must be one of');
  });
});
