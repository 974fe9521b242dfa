import { symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GitError } from '../../src/git/errors.js';
import type { Chunk } from '../../src/sources/chunk.js';
import type { Source } from '../../src/sources/source.js';
import { stagedSource } from '../../src/sources/staged.js';
import { fakeKeys } from '../helpers/fake-keys.js';
import { makeRepo, makeTempDir, removeTestRepos, type TestRepo } from '../helpers/git-repo.js';

const MAX_FILE_SIZE = 1024 * 1024;

afterEach(removeTestRepos);

async function scanStaged(dir: string, maxFileSize = MAX_FILE_SIZE): Promise<{ source: Source; chunks: Chunk[] }> {
  const source = stagedSource(dir, { content: { binary: false, maxFileSize, archiveDepth: 3 } });
  const chunks: Chunk[] = [];
  for await (const chunk of source.chunks()) chunks.push(chunk);
  return { source, chunks };
}

/** The lines of a chunk the detector would look at. */
function linesInScope(chunk: Chunk): string[] {
  const lines = chunk.content.toString('utf8').split('\n');
  return lines.filter((_, index) => !chunk.onlyLines || chunk.onlyLines.has(index + 1));
}

function repoWithConfig(): { repo: TestRepo; oldKey: string } {
  const repo = makeRepo();
  const oldKey = fakeKeys.github();
  repo.write('config.js', `// settings\nexport const legacy = "${oldKey}";\nexport const region = "eu";\n`);
  repo.commit('initial');
  return { repo, oldKey };
}

describe('stagedSource', () => {
  it('yields a staged key with its line in onlyLines, and not the key HEAD already has', async () => {
    const { repo, oldKey } = repoWithConfig();
    const newKey = fakeKeys.github();
    repo.write('config.js', `// settings\nexport const legacy = "${oldKey}";\nexport const token = "${newKey}";\nexport const region = "eu";\n`);
    repo.git('add', 'config.js');

    const { source, chunks } = await scanStaged(repo.dir);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.path).toBe('config.js');
    expect(chunks[0]!.commit).toBeUndefined();
    expect([...chunks[0]!.onlyLines!]).toEqual([3]);
    expect(linesInScope(chunks[0]!)).toEqual([`export const token = "${newKey}";`]);
    expect(source.stats).toMatchObject({ filesScanned: 1, bytesScanned: chunks[0]!.content.length, skipped: [] });
  });

  it('ignores a key that is only in the working tree', async () => {
    const { repo } = repoWithConfig();
    repo.write('notes.md', 'staged notes\n');
    repo.git('add', 'notes.md');
    const unstagedKey = fakeKeys.github();
    repo.write('notes.md', `staged notes\n${unstagedKey}\n`);
    repo.write('untracked.js', `const key = "${unstagedKey}";\n`);

    const { chunks } = await scanStaged(repo.dir);
    expect(chunks.map((chunk) => chunk.path)).toEqual(['notes.md']);
    expect(chunks[0]!.content.toString()).toBe('staged notes\n');
  });

  it('reads the index: a key staged and then cleaned from the working tree still counts', async () => {
    const { repo } = repoWithConfig();
    const key = fakeKeys.github();
    repo.write('deploy.sh', `#!/bin/sh\nexport GITHUB_TOKEN=${key}\n`);
    repo.git('add', 'deploy.sh');
    repo.write('deploy.sh', '#!/bin/sh\nexport GITHUB_TOKEN="$1"\n');

    const { chunks } = await scanStaged(repo.dir);
    expect(chunks).toHaveLength(1);
    expect(linesInScope(chunks[0]!)).toContain(`export GITHUB_TOKEN=${key}`);
  });

  it('reports a staged env file, added or modified, but not one being deleted', async () => {
    const { repo } = repoWithConfig();
    repo.write('old/.env', 'A=1\n');
    repo.commit('env to delete');
    repo.write('.env.local', `GITHUB_TOKEN=${fakeKeys.github()}\n`);
    repo.write('.env.example', 'GITHUB_TOKEN=\n');
    repo.git('add', '.env.local', '.env.example');
    repo.git('rm', '-q', '--cached', 'old/.env');

    const { source, chunks } = await scanStaged(repo.dir);
    expect(chunks.map((chunk) => chunk.path).sort()).toEqual(['.env.example', '.env.local']);
    const findings = await source.hygieneFindings();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'env-file-staged', file: '.env.local', commit: null });
  });

  it('treats everything as added in the first commit of a new repository', async () => {
    const repo = makeRepo();
    const key = fakeKeys.github();
    repo.write('src/index.js', `const token = "${key}";\n`);
    repo.write('README.md', '# new\n');
    repo.git('add', '-A');

    const { chunks } = await scanStaged(repo.dir);
    expect(chunks.map((chunk) => chunk.path)).toEqual(['README.md', 'src/index.js']);
    expect(chunks.every((chunk) => chunk.onlyLines === undefined)).toBe(true);
  });

  it('does not count a moved file as added, but counts a copy and lines a move changed', async () => {
    const { repo, oldKey } = repoWithConfig();
    repo.git('mv', 'config.js', 'settings.js');
    const { chunks: moved } = await scanStaged(repo.dir);
    expect(moved.map((chunk) => [chunk.path, [...chunk.onlyLines!]])).toEqual([['settings.js', []]]);

    repo.write('settings.js', `// settings\nexport const legacy = "${oldKey}";\nexport const region = "us";\n`);
    repo.write('copy.js', `export const legacy = "${oldKey}";\n`);
    repo.git('add', '-A');
    const { chunks } = await scanStaged(repo.dir);
    const byPath = Object.fromEntries(chunks.map((chunk) => [chunk.path, linesInScope(chunk)]));
    expect(byPath).toEqual({ 'copy.js': [`export const legacy = "${oldKey}";`, ''], 'settings.js': ['export const region = "us";'] });
  });

  it('skips new files\' patches whole, however long, and still reads the added lines of the changed files after them', async () => {
    const { repo, oldKey } = repoWithConfig();
    // Sorted between the changed files, each far longer than a pipe read, and holding lines that
    // look like a patch header to anything that does not read whole lines.
    const body = 'const x = 1; // diff --git a/x b/x\n@@ -1 +1 @@\n'.repeat(8000);
    repo.write('a-first.js', 'one\n');
    repo.write('e-last.js', 'five\n');
    repo.commit('more files');
    const newKey = fakeKeys.github();
    repo.write('b-new.js', body);
    repo.write('d-new.js', `diff --git a/y b/y\n${body}`);
    repo.write('c-new.js', `${body}const key = "${newKey}";\n`);
    repo.write('a-first.js', 'one\ntwo\n');
    repo.write('config.js', `// settings\nexport const legacy = "${oldKey}";\nexport const region = "us";\n`);
    repo.write('e-last.js', 'zero\nfive\nsix\n');
    repo.git('add', '-A');
    const { chunks } = await scanStaged(repo.dir);
    const scope = Object.fromEntries(chunks.map((chunk) => [chunk.path, chunk.onlyLines ? [...chunk.onlyLines] : 'all']));
    expect(scope).toEqual({ 'a-first.js': [2], 'b-new.js': 'all', 'c-new.js': 'all', 'config.js': [3], 'd-new.js': 'all', 'e-last.js': [1, 3] });
    expect(chunks.find((chunk) => chunk.path === 'c-new.js')!.content.toString()).toContain(newKey);
  });

  it('counts only changed lines even when the user config widens hunks or colours output', async () => {
    const { repo, oldKey } = repoWithConfig();
    for (const [name, value] of [['diff.interHunkContext', '5'], ['diff.context', '3'], ['color.ui', 'always'], ['diff.noprefix', 'true'], ['diff.relative', 'true']]) {
      repo.git('config', name!, value!);
    }
    repo.write('config.js', `// new settings\nexport const legacy = "${oldKey}";\nexport const region = "us";\n`);
    repo.git('add', 'config.js');
    const { chunks } = await scanStaged(repo.dir);
    expect([...chunks[0]!.onlyLines!]).toEqual([1, 3]);
  });

  it('scans every line of a file git will not diff as text (a -diff attribute)', async () => {
    const repo = makeRepo();
    repo.write('.gitattributes', '*.cfg -diff\n');
    repo.write('app.cfg', 'name=app\n');
    repo.commit('initial');
    const key = fakeKeys.github();
    repo.write('app.cfg', `name=app\ntoken=${key}\n`);
    repo.git('add', 'app.cfg');

    const { chunks } = await scanStaged(repo.dir);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.onlyLines).toBeUndefined();
  });

  it('reads a symlink replaced by a file, and skips binary, oversized and symlink entries', async () => {
    const repo = makeRepo();
    repo.write('target.txt', 'target\n');
    symlinkSync('target.txt', join(repo.dir, 'link'));
    repo.commit('initial');
    unlinkSync(join(repo.dir, 'link'));
    repo.write('link', 'now a file\n');
    symlinkSync('target.txt', join(repo.dir, 'new-link'));
    repo.write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    repo.write('huge.txt', 'y'.repeat(4096));
    repo.git('add', '-A');

    const { source, chunks } = await scanStaged(repo.dir, 1024);
    expect(chunks.map((chunk) => [chunk.path, chunk.onlyLines])).toEqual([['link', undefined]]);
    expect(source.stats.skipped.map(({ path, reason }) => [path, reason])).toEqual([
      ['huge.txt', 'too-large'],
      ['image.png', 'binary'],
    ]);
  });

  it('yields nothing when nothing is staged', async () => {
    const { repo } = repoWithConfig();
    repo.write('config.js', 'changed but not staged\n');
    const { source, chunks } = await scanStaged(repo.dir);
    expect(chunks).toEqual([]);
    expect(await source.hygieneFindings()).toEqual([]);
  });

  it('errors clearly outside a repository and in a bare one', async () => {
    const dir = makeTempDir();
    const error = await scanStaged(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitError);
    expect(error).toMatchObject({ message: `not a git repository: ${dir}`, exitCode: 2 });

    const { repo } = repoWithConfig();
    const bare = join(makeTempDir(), 'bare.git');
    repo.git('clone', '-q', '--bare', repo.dir, bare);
    await expect(scanStaged(bare)).rejects.toThrow(`${bare} is a bare repository: it has no index, so nothing is staged to scan`);
  });

  it('scans a 20-file commit quickly', async () => {
    const { repo } = repoWithConfig();
    for (let index = 0; index < 20; index++) repo.write(`src/module-${index}.ts`, `export const value${index} = ${index};\n`.repeat(50));
    repo.git('add', '-A');

    await scanStaged(repo.dir);
    const started = performance.now();
    const { chunks } = await scanStaged(repo.dir);
    const elapsed = performance.now() - started;
    expect(chunks).toHaveLength(20);
    // Typically 10–20 ms; the bound leaves room for a loaded CI machine.
    expect(elapsed).toBeLessThan(500);
  });
});
