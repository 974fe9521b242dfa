import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fakeKeys } from '../helpers/fake-keys.js';
import { makeRepo, removeTestRepos, type TestRepo } from '../helpers/git-repo.js';

const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
let repo: TestRepo;

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  severity: string;
  message: string;
  remedy: string;
  fingerprint: string;
}

function scan(...args: string[]): JsonFinding[] {
  const run = runCli(['scan', '--format', 'json', ...args], { cwd: repo.dir, env: GIT_ENV });
  return (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
}

beforeEach(() => {
  repo = makeRepo();
});
afterEach(removeTestRepos);

describe('less noise', () => {
  it('one finding per tracked env file, low for settings only, lower still under fixture folders', () => {
    repo.write('.env', 'APP_NAME=MyApp\nDEBUG=true\n');
    for (let i = 0; i < 3; i++) repo.write(`test/fixtures/case${i}/.env`, 'APP_NAME=MyApp\nPORT=3000\n');
    repo.commit('env files');
    const findings = scan();
    expect(findings.map((f) => `${f.ruleId} ${f.file} ${f.severity}`)).toEqual([
      'env-file-tracked .env low',
      'env-file-tracked test/fixtures/case0/.env info',
      'env-file-tracked test/fixtures/case1/.env info',
      'env-file-tracked test/fixtures/case2/.env info',
    ]);
    expect(findings[0]!.message).toContain('no ignore rule covers it');
    expect(findings[0]!.message).toContain('only settings or placeholders');
    expect(findings[1]!.message).toContain('test, fixture or example folder');
  });

  it('an env file with a key is critical and names the variable, never the value', () => {
    const key = fakeKeys.github();
    repo.write('.env', `APP_NAME=MyApp\nGITHUB_TOKEN=${key}\n`);
    const [hygiene] = scan().filter((f) => f.ruleId === 'gitignore-missing-entry');
    expect(hygiene).toMatchObject({ file: '.env', severity: 'critical' });
    expect(hygiene!.message).toContain('GITHUB_TOKEN');
    expect(JSON.stringify(hygiene)).not.toContain(key);
  });

  it('does not read minified code as a password', () => {
    repo.write('dist/index.min.js', 'var allPass = /*#__PURE__*/ createPass(function(){return 1}), anyPass = /*#__PURE__*/ createPass(2);\n');
    expect(scan()).toEqual([]);
  });

  it('reports every line a key is repeated on, with one fingerprint', () => {
    const key = fakeKeys.github();
    repo.write('src/a.js', `const a = "${key}";\nconst b = "${key}";\n`);
    const findings = scan();
    expect(findings.map((f) => `${f.file}:${f.line}`)).toEqual(['src/a.js:1', 'src/a.js:2']);
    expect(findings[0]!.fingerprint).toBe(findings[1]!.fingerprint);
  });

  it('keeps only the commit that introduced a key in history', () => {
    const key = fakeKeys.github();
    repo.write('src/a.js', `const a = "${key}";\n`);
    repo.commit('add');
    repo.write('src/a.js', `const a = "${key}";\nconst b = "${key}";\n`);
    repo.commit('repeat');
    expect(scan('--history').filter((f) => f.ruleId === 'github-pat')).toHaveLength(1);
  });

  it('ranks keys in documentation one step lower and says why', () => {
    const key = fakeKeys.github();
    repo.write('src/a.js', `const a = "${key}";\n`);
    repo.write('docs/setup.md', `export GITHUB_TOKEN="${key}"\n`);
    const [doc, code] = scan();
    expect(doc).toMatchObject({ file: 'docs/setup.md' });
    expect(code).toMatchObject({ file: 'src/a.js' });
    expect(doc!.message).toContain('documentation and example files');
    expect(['critical', 'high', 'medium', 'low', 'info'].indexOf(doc!.severity)).toBe(['critical', 'high', 'medium', 'low', 'info'].indexOf(code!.severity) + 1);
  });

  it('tells a staged change to a tracked env file to use git rm --cached', () => {
    repo.write('.env', 'A=1\n');
    repo.commit('env');
    repo.write('.env', 'A=2\n');
    repo.git('add', '.env');
    const [finding] = scan('--staged');
    expect(finding!.ruleId).toBe('env-file-staged');
    expect(finding!.remedy).toContain('git rm --cached .env');
    expect(finding!.remedy).not.toContain('restore --staged');
  });
});
