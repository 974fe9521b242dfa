import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acmeRule } from '../helpers/custom-rule.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { fakeKeys } from '../helpers/fake-keys.js';
import { makeRepo, removeTestRepos, type TestRepo } from '../helpers/git-repo.js';

afterAll(removeTestRepos);

/**
 * Never a second leak (issue 9): messages that are not findings (errors, usage errors, `rules
 * check`) may echo an argument or a line keyguard read. A key planted there must not come out
 * whole, nor its first ten characters (more than a redacted key shows), without --show-secrets.
 */
function expectNoKey(run: CliRun, key: string): void {
  const output = run.stdout + run.stderr;
  expect(output).not.toContain(key);
  expect(output).not.toContain(key.slice(0, 10));
}

function repoWithCommit(): TestRepo {
  const repo = makeRepo();
  repo.write('app.js', 'const answer = 42;\n');
  repo.commit('first');
  return repo;
}

describe('no whole key in error messages', () => {
  const key = fakeKeys.github();

  it.each([
    ['a path argument', ['scan', key]],
    ['a --config path', ['scan', '.', '--config', key]],
    ['a --since revision', ['scan', '--history', '--since', key]],
    ['a --branch revision', ['scan', '--history', '--branch', key]],
    ['a flag value commander rejects', ['scan', '.', '--format', key]],
    ['a flag value keyguard rejects', ['scan', '.', '--max-file-size', key]],
  ])('%s', (_what, args) => {
    const repo = repoWithCommit();
    const run = runCli(args, { cwd: repo.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ghp_…/);
    expectNoKey(run, key);
  });

  // Commander's usage errors quote the word they reject, with its dashes when it is an option name.
  it.each([
    ['an unknown option named after a key', (k: string) => ['scan', `--${k}`], true],
    ['an unknown option with a value', (k: string) => ['scan', `--${k}=value`], true],
    ['an unknown short option', (k: string) => ['scan', `-${k}`], true],
    ['an unknown option before the command', (k: string) => [`--${k}`, 'scan'], true],
    ['an unknown command', (k: string) => [k], true],
    ['an option value outside the choices', (k: string) => ['scan', `--fail-on=${k}`], true],
    // Commander does not quote an excess argument today; the test holds if it starts to.
    ['an excess argument', (k: string) => ['init', '.', k], false],
  ])('%s', (_what, argsFor, quoted) => {
    for (const [other, redacted] of [[fakeKeys.openaiProject(), /sk-proj-…/], [key, /ghp_…/]] as const) {
      const run = runCli(argsFor(other), { cwd: repoWithCommit().dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^error: /);
      if (quoted) expect(run.stderr).toMatch(redacted);
      expectNoKey(run, other);
    }
  });

  it.each([
    ['a JSON config with a bare key', 'keyguard.config.json', `{\n  "token": ${key}\n}\n`],
    ['a JSON config with a key as a field name', 'keyguard.config.json', `{\n  "${key}": true\n}\n`],
    ['a YAML config quoting a key in its error', '.keyguardrc.yaml', `failOn: *${key}\n`],
  ])('%s', (_what, name, text) => {
    const repo = repoWithCommit();
    writeFileSync(join(repo.dir, name), text);
    const run = runCli(['scan', '.'], { cwd: repo.dir });
    expect(run.code).toBe(2);
    expectNoKey(run, key);
  });

  it('a broken baseline file', () => {
    const repo = repoWithCommit();
    writeFileSync(join(repo.dir, 'baseline.json'), `{"keyguardBaseline": 1, "entries": [${key}]}\n`);
    const run = runCli(['scan', '.', '--baseline', 'baseline.json'], { cwd: repo.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/invalid JSON \(\w+ at line 1, column \d+\)/);
    expectNoKey(run, key);
  });

  it('a rule example that rules check prints', () => {
    const repo = repoWithCommit();
    const rule = acmeRule({ examples: [`acme key next to ${key}`] });
    writeFileSync(join(repo.dir, 'keyguard.config.json'), JSON.stringify({ rules: [rule] }));
    const run = runCli(['rules', 'check'], { cwd: repo.dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAIL acme-api-key: example 1 finds nothing of the rule: acme key next to ghp_…/);
    expectNoKey(run, key);
  });
});
