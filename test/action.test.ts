// action.yml, the GitHub Action: its shape, that everything it runs exists, and its scan and report
// steps run for real (bash, the built CLI) against repositories made in temp folders.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SCAN_FLAGS } from '../src/cli/scan-flags.js';
import { fakeKeys } from './helpers/fake-keys.js';
import { makeRepo, makeTempDir, removeTestRepos } from './helpers/git-repo.js';

afterAll(removeTestRepos);

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
}
const steps: Step[] = action.runs.steps;
const step = (id: string): Step => {
  const found = steps.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`action.yml has no step with id ${id}`);
  return found;
};

describe('action.yml', () => {
  it('is a composite action with the documented inputs and outputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['mode', 'base-ref', 'fail-on', 'sarif', 'path']);
    expect(action.inputs.mode.default).toBe('tree');
    expect(action.outputs.findings.value).toBe('${{ steps.report.outputs.findings }}');
    expect(action.outputs.sarif.value).toBe('${{ steps.scan.outputs.sarif }}');
    for (const { shell, run } of steps) if (run) expect(shell).toBe('bash');
  });

  it('uses only actions/setup-node with Node 20, no Docker and no other action', () => {
    const uses = steps.filter((candidate) => candidate.uses);
    expect(uses.map((candidate) => candidate.uses)).toEqual(['actions/setup-node@v4']);
    expect(uses[0]?.with?.['node-version']).toBe(20);
  });

  it('runs only files and npm scripts of this repository, and only real keyguard scan flags', () => {
    const text = JSON.stringify(steps);
    const files = [...text.matchAll(/\$\{\{ github\.action_path \}\}\/([\w./-]+)/g)].map((match) => match[1]!);
    expect(files).toEqual(expect.arrayContaining(['bin/keyguard.js', 'scripts/action-report.js']));
    for (const file of files) expect(existsSync(join(ROOT, file)), file).toBe(true);

    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;
    for (const [, name] of text.matchAll(/npm run (?:--silent )?([\w:-]+)/g)) expect(scripts, name).toHaveProperty(name!);

    const scanFlags = new Set(SCAN_FLAGS.flatMap((spec) => spec.flags.match(/--[\w-]+/g) ?? []));
    const passed = step('scan').run!.split('\n')
      .filter((line) => /KEYGUARD_CLI" scan|scope=\(/.test(line))
      .flatMap((line) => line.match(/(?<![\w-])--[\w-]+/g) ?? []);
    expect(passed).toEqual(expect.arrayContaining(['--history', '--since', '--fail-on', '--format', '--output']));
    for (const flag of passed) expect(scanFlags, flag).toContain(flag);
  });
});

/** Replaces the ${{ … }} expressions the action uses, as the runner would. */
function evaluate(value: string, context: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
    if (!(name in context)) throw new Error(`the test does not know ${name}`);
    return context[name]!;
  });
}

/** Runs one step's script with bash in `cwd`; returns its exit code, stdout and GITHUB_OUTPUT values. */
function runStep(id: string, cwd: string, context: Record<string, string>) {
  const { run, env = {} } = step(id);
  const outputFile = join(makeTempDir('keyguard-action-'), 'output');
  writeFileSync(outputFile, '');
  const stepEnv = Object.fromEntries(Object.entries(env).map(([name, value]) => [name, evaluate(String(value), context)]));
  const result = spawnSync('bash', ['-e', '-c', run!], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...stepEnv, NO_COLOR: '1', GITHUB_OUTPUT: outputFile, RUNNER_TEMP: makeTempDir('keyguard-runner-') },
  });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, outputs };
}

/** The scan step and then the report step, with the action's defaults overridden by `inputs`. */
function runAction(cwd: string, inputs: Record<string, string> = {}, extraEnv: Record<string, string> = {}) {
  const defaults = Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, String((spec as { default: unknown }).default)]));
  const context: Record<string, string> = { 'github.action_path': ROOT };
  for (const [name, value] of Object.entries({ ...defaults, ...inputs })) context[`inputs.${name}`] = value;
  Object.assign(process.env, extraEnv);
  try {
    const scan = runStep('scan', cwd, context);
    for (const [name, value] of Object.entries(scan.outputs)) context[`steps.scan.outputs.${name}`] = value;
    if (scan.code !== 0) return { scan, report: null };
    return { scan, report: runStep('report', cwd, context) };
  } finally {
    for (const name of Object.keys(extraEnv)) delete process.env[name];
  }
}

describe('the action, run', () => {
  it('scans the tree, writes the SARIF report, outputs the count and fails the job on a finding', () => {
    const repo = makeRepo();
    repo.write('src/client.js', `export const apiKey = "${fakeKeys.openaiProject()}";\n`);
    repo.commit('client');
    const sarif = join(repo.dir, 'out', 'keyguard.sarif');

    const { scan, report } = runAction(repo.dir, { sarif: 'out/keyguard.sarif' });

    expect(scan.outputs['sarif']).toBe('out/keyguard.sarif');
    expect(scan.outputs['exit-code']).toBe('1');
    expect(JSON.parse(readFileSync(sarif, 'utf8')).runs[0].results).toHaveLength(1);
    expect(report?.outputs['findings']).toBe('1');
    expect(report?.code).toBe(1);
    expect(report?.stdout).toMatch(/^::error file=src\/client\.js,line=1,title=keyguard%3A openai-project-key::/m);
  });

  it('passes with --fail-on above what it finds, and in a subfolder names files from the workspace', () => {
    const repo = makeRepo();
    repo.write('app/settings.py', `API_KEY = "${fakeKeys.genericHex40()}"\n`);
    repo.commit('settings');

    const { report } = runAction(repo.dir, { path: 'app', 'fail-on': 'critical' });

    expect(report?.code).toBe(0);
    expect(report?.outputs['findings']).toBe('1');
    expect(report?.stdout).toContain('file=app/settings.py,line=1');
  });

  it('in mode since, scans only the commits after the base (GITHUB_BASE_REF on pull requests)', () => {
    const repo = makeRepo();
    repo.write('old.env.js', `module.exports = "${fakeKeys.github()}";\n`);
    repo.commit('old key');
    repo.git('branch', 'base');
    repo.git('update-ref', 'refs/remotes/origin/base', 'HEAD');
    repo.write('README.md', 'clean\n');
    repo.commit('clean change');

    expect(runAction(repo.dir, { mode: 'history' }).report?.outputs['findings']).toBe('1');
    expect(runAction(repo.dir, { mode: 'since', 'base-ref': 'base' }).report?.outputs['findings']).toBe('0');
    const pullRequest = runAction(repo.dir, { mode: 'since' }, { GITHUB_BASE_REF: 'base' });
    expect(pullRequest.report?.code).toBe(0);
    expect(pullRequest.report?.outputs['findings']).toBe('0');
  });

  it('stops with a message for an unknown mode or a since scan without a base', () => {
    const repo = makeRepo();
    repo.write('a.txt', 'a\n');
    repo.commit('a');
    const unknown = runAction(repo.dir, { mode: 'everything' });
    expect(unknown.scan.code).toBe(2);
    expect(unknown.scan.stdout).toContain('mode must be tree, history or since');
    const noBase = runAction(repo.dir, { mode: 'since' }, { GITHUB_BASE_REF: '' });
    expect(noBase.scan.code).toBe(2);
    expect(noBase.scan.stdout).toContain('needs base-ref');
  });
});
