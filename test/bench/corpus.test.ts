// The corpus builder's offline parts: canaries, the tree layout, the tarball reader and the history
// commits. Downloading the real corpora is left to `npm run bench`.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canarySecrets, historyCanaryEnv, treeCanaryFile } from '../../bench/canaries.js';
import { buildHistoryCorpus, linkInstalledTree, listFiles } from '../../bench/corpus.js';
import { readTarball } from '../../bench/tarball.js';
import { makeTempDir, removeTestRepos, runGitIn } from '../helpers/git-repo.js';

afterAll(removeTestRepos);

function write(path: string, content: string | Buffer) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

/** A gzipped tarball made by the system's tar from `files` under a `package/` folder. */
function makeTarball(files: Record<string, string>, format = 'pax'): Buffer {
  const dir = makeTempDir('keyguard-tar-');
  for (const [path, content] of Object.entries(files)) write(join(dir, 'package', path), content);
  return execFileSync('tar', ['-czf', '-', `--format=${format}`, '--sort=name', '--owner=0', '--group=0', '-C', dir, 'package']);
}

describe('benchmark canaries', () => {
  it('are the same six values for a seed on every run, and other values for another seed', () => {
    const first = canarySecrets('20241101');
    expect(canarySecrets('20241101')).toEqual(first);
    expect(first.map(([name]) => name)).toEqual(['OPENAI_API_KEY', 'AWS_ACCESS_KEY_ID', 'GITHUB_TOKEN', 'ANTHROPIC_API_KEY', 'GOOGLE_API_KEY', 'service_api_key']);
    const other = new Map(canarySecrets('20241102'));
    for (const [name, value] of first) expect(other.get(name)).not.toBe(value);
  });

  it('have the shapes of the keys they stand for', () => {
    const values = new Map(canarySecrets('7'));
    expect(values.get('OPENAI_API_KEY')).toMatch(new RegExp(`^sk-proj-[\\w-]{74}T3Blbk${'FJ'}[\\w-]{74}$`));
    expect(values.get('AWS_ACCESS_KEY_ID')).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(values.get('GITHUB_TOKEN')).toMatch(/^ghp_[A-Za-z0-9]{36}$/);
    expect(values.get('ANTHROPIC_API_KEY')).toMatch(/^sk-ant-api03-[\w-]{93}AA$/);
    expect(values.get('GOOGLE_API_KEY')).toMatch(/^AIza[\w-]{35}$/);
    expect(values.get('service_api_key')).toMatch(/^[0-9a-f]{40}$/);
  });

  it('are the values of the reference corpus builder (so the history corpus keeps its pinned commit ids)', () => {
    // sha256 of the reference builder's NAME=VALUE lines for the two seeds the corpora use.
    const digestOf = (seed: string) => createHash('sha256').update(canarySecrets(seed).map(([name, value]) => `${name}=${value}\n`).join('')).digest('hex');
    expect(digestOf('20241101')).toBe('da65c8502b18ab2d3692aa74709f7b6c5d56354fd4b11608ab3935b19703c72f');
    expect(digestOf('20241102')).toBe('1c7adbb860f3d20cc92791bb9f2aebda5201a17c8431c669c119ee3015f97a69');
  });

  it('are written as a JS config object in the tree and as an env file in history, one secret a line', () => {
    expect(treeCanaryFile().split('\n').filter((line) => /^ {2}\w+: "/.test(line))).toHaveLength(6);
    expect(historyCanaryEnv().split('\n').filter((line) => /^\w+=/.test(line))).toHaveLength(6);
  });
});

describe('tree corpus layout', () => {
  it('hard-links the installed files, renames every node_modules folder and drops symbolic links', () => {
    const npm = makeTempDir('keyguard-npm-');
    write(join(npm, 'node_modules', 'a', 'index.js'), 'a');
    write(join(npm, 'node_modules', 'a', 'node_modules', 'b', 'index.js'), 'b');
    write(join(npm, 'node_modules', '@scope', 'c', 'node_modules', 'd', 'lib', 'd.js'), 'd');
    mkdirSync(join(npm, 'node_modules', '.bin'));
    symlinkSync('../a/index.js', join(npm, 'node_modules', '.bin', 'a'));
    const tree = join(makeTempDir('keyguard-tree-'), 'tree');

    linkInstalledTree(join(npm, 'node_modules'), tree);

    expect(listFiles(tree)).toEqual(['@scope/c/_node_modules/d/lib/d.js', 'a/_node_modules/b/index.js', 'a/index.js']);
    expect(existsSync(join(tree, '.bin', 'a'))).toBe(false);
    expect(statSync(join(tree, 'a', 'index.js')).ino).toBe(statSync(join(npm, 'node_modules', 'a', 'index.js')).ino);
  });
});

describe('npm tarball reader', () => {
  it('reads regular files without the top folder, long pax and GNU names and the executable bit', () => {
    const long = `${'deep/'.repeat(25)}file.js`;
    for (const format of ['pax', 'gnu']) {
      const files = readTarball(makeTarball({ 'index.js': 'x', [long]: 'long', 'bin/cli': '#!/bin/sh\n' }, format));
      expect([...files.keys()].sort()).toEqual(['bin/cli', long, 'index.js']);
      expect(files.get(long)?.data.toString()).toBe('long');
      expect(files.get('index.js')?.mode).toBe('100644');
    }
    const dir = makeTempDir('keyguard-tar-');
    write(join(dir, 'package', 'run.sh'), 'echo\n');
    execFileSync('chmod', ['755', join(dir, 'package', 'run.sh')]);
    symlinkSync('run.sh', join(dir, 'package', 'link.sh'));
    const files = readTarball(execFileSync('tar', ['-czf', '-', '-C', dir, 'package']));
    expect([...files.keys()]).toEqual(['run.sh']);
    expect(files.get('run.sh')?.mode).toBe('100755');
  });
});

describe('history corpus', () => {
  /** A cache folder whose tarballs are already downloaded, so building needs no network. */
  function offlineCache() {
    const dir = makeTempDir('keyguard-corpus-');
    const list = join(dir, 'versions.tsv');
    writeFileSync(list, '# package\tversion\nalpha\t1.0.0\nbeta\t0.1.0\nalpha\t1.1.0\n');
    mkdirSync(join(dir, '.history-tarballs'));
    writeFileSync(join(dir, '.history-tarballs', 'alpha-1.0.0.tgz'), makeTarball({ 'index.js': 'one', 'old.js': 'gone later' }));
    writeFileSync(join(dir, '.history-tarballs', 'beta-0.1.0.tgz'), makeTarball({ 'index.js': 'beta' }));
    writeFileSync(join(dir, '.history-tarballs', 'alpha-1.1.0.tgz'), makeTarball({ 'index.js': 'two' }));
    return { dir, list };
  }

  it('commits one version after another, the canary added and removed halfway, with the same ids on every build', async () => {
    const first = offlineCache();
    const second = offlineCache();
    await buildHistoryCorpus(first.dir, { listFile: first.list });
    await buildHistoryCorpus(second.dir, { listFile: second.list });

    const repo = join(first.dir, 'history-repo');
    expect(runGitIn(repo, ['log', '--reverse', '--format=%s|%an <%ae>|%at']).split('\n')).toEqual([
      'alpha@1.0.0|keyguard bench <bench@keyguard.invalid>|1325376000',
      'add local dev config|keyguard bench <bench@keyguard.invalid>|1325379600',
      'remove local dev config|keyguard bench <bench@keyguard.invalid>|1325383200',
      'beta@0.1.0|keyguard bench <bench@keyguard.invalid>|1325386800',
      'alpha@1.1.0|keyguard bench <bench@keyguard.invalid>|1325390400',
    ]);
    expect(runGitIn(repo, ['show', 'HEAD~3:config/dev.env'])).toBe(historyCanaryEnv().trimEnd());
    expect(runGitIn(repo, ['ls-files'])).toBe('packages/alpha/index.js\npackages/beta/index.js');
    expect(readFileSync(join(repo, 'packages', 'alpha', 'index.js'), 'utf8')).toBe('two');
    const head = runGitIn(repo, ['rev-parse', 'HEAD']);
    expect(runGitIn(join(second.dir, 'history-repo'), ['rev-parse', 'HEAD'])).toBe(head);
    expect(readFileSync(join(first.dir, 'history-repo.head'), 'utf8')).toBe(`${head}\n`);
    expect(lstatSync(join(first.dir, '.corpus-history.done')).isFile()).toBe(true);
  });
});
