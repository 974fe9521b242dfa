import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GitError } from '../../src/git/errors.js';
import { historySource, type HistoryOptions, type HistoryProgress } from '../../src/sources/history.js';
import { COMMIT_MESSAGE_PATH, type Chunk } from '../../src/sources/chunk.js';
import type { Source } from '../../src/sources/source.js';
import { fakeKeys } from '../helpers/fake-keys.js';
import { makeRepo, makeTempDir, removeTestRepos, runGitIn, type TestRepo } from '../helpers/git-repo.js';

const MAX_FILE_SIZE = 1024 * 1024;
const contentOptions = (maxFileSize: number) => ({ binary: false, maxFileSize, archiveDepth: 3 });

afterEach(removeTestRepos);

/** The blobs' chunks; each commit's message chunk is left out (test/e2e/commit-message.test.ts). */
async function collect(source: Source): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  for await (const chunk of source.chunks()) if (chunk.path !== COMMIT_MESSAGE_PATH) chunks.push(chunk);
  return chunks;
}

async function scanHistory(dir: string, options: Partial<HistoryOptions> = {}): Promise<{ source: Source; chunks: Chunk[] }> {
  const source = historySource(dir, { content: contentOptions(MAX_FILE_SIZE), ...options });
  return { source, chunks: await collect(source) };
}

function chunksWith(chunks: Chunk[], text: string): Chunk[] {
  return chunks.filter((chunk) => chunk.content.toString('utf8').includes(text));
}

/** Three commits on main, each adding one file with its own key; returns the keys and commit shas. */
function threeKeyCommits(repo: TestRepo): { keys: string[]; shas: string[] } {
  const keys = [fakeKeys.github(), fakeKeys.github(), fakeKeys.github()];
  const shas = keys.map((key, index) => {
    repo.write(`config/${index}.js`, `export const token = "${key}";\n`);
    return repo.commit(`add config ${index}`);
  });
  return { keys, shas };
}

describe('historySource', () => {
  it('finds a key that was committed and removed later, attributed to the commit that added it', async () => {
    const repo = makeRepo();
    const key = fakeKeys.github();
    repo.write('README.md', '# app\n');
    repo.commit('initial');
    repo.write('src/client.js', `const token = "${key}";\nmodule.exports = token;\n`);
    const added = repo.commit('add client', '2024-02-03T04:05:06Z');
    repo.write('src/client.js', 'module.exports = process.env.TOKEN;\n');
    repo.commit('read the token from the environment');

    const { source, chunks } = await scanHistory(repo.dir);
    const found = chunksWith(chunks, key);
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toBe('src/client.js');
    expect(found[0]!.commit).toEqual({
      sha: added,
      author: 'Keyguard Test',
      email: 'keyguard-test@example.com',
      date: '2024-02-03T04:05:06+00:00',
      summary: 'add client',
    });
    expect(source.stats).toMatchObject({ commitsScanned: 3, blobsScanned: 3, filesScanned: 3 });
    expect(source.stats.bytesScanned).toBe(chunks.reduce((sum, chunk) => sum + chunk.content.length, 0));
  });

  it('walks every ref: a key only on a side branch, only in a tag, only in a stash', async () => {
    const repo = makeRepo();
    repo.write('app.js', 'console.log(1);\n');
    repo.commit('initial');

    const onBranch = fakeKeys.github();
    repo.git('checkout', '-q', '-b', 'experiment');
    repo.write('experiment.js', `const key = "${onBranch}";\n`);
    repo.commit('try something');
    repo.git('checkout', '-q', 'main');

    const inTag = fakeKeys.github();
    repo.git('checkout', '-q', '--detach');
    repo.write('release.js', `const key = "${inTag}";\n`);
    repo.commit('release build');
    repo.git('tag', 'v1.0.0');
    repo.git('checkout', '-q', 'main');

    const inStash = fakeKeys.github();
    repo.write('app.js', `console.log("${inStash}");\n`);
    repo.git('stash', '-q');

    const { chunks } = await scanHistory(repo.dir);
    expect(chunksWith(chunks, onBranch)[0]?.path).toBe('experiment.js');
    expect(chunksWith(chunks, inTag)[0]?.commit?.summary).toBe('release build');
    expect(chunksWith(chunks, inStash)[0]?.path).toBe('app.js');

    const onlyMain = await scanHistory(repo.dir, { branch: 'main' });
    for (const key of [onBranch, inTag, inStash]) expect(chunksWith(onlyMain.chunks, key)).toEqual([]);
    expect(onlyMain.source.stats.commitsScanned).toBe(1);
  });

  it('finds a key introduced while resolving a merge conflict, attributed to the merge commit', async () => {
    const repo = makeRepo();
    repo.write('settings.js', 'export const region = "eu";\n');
    repo.commit('initial');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('settings.js', 'export const region = "us";\n');
    repo.commit('use us region');
    repo.git('checkout', '-q', 'main');
    repo.write('settings.js', 'export const region = "ap";\n');
    repo.commit('use ap region');
    expect(() => repo.git('merge', '-q', 'feature')).toThrow();

    const key = fakeKeys.github();
    repo.write('settings.js', `export const region = "us";\nexport const token = "${key}";\n`);
    const merge = repo.commit('merge feature');

    const { chunks } = await scanHistory(repo.dir);
    const found = chunksWith(chunks, key);
    expect(found).toHaveLength(1);
    expect(found[0]!.commit?.sha).toBe(merge);
    // Only the resolution is new in the merge; the branch contents were read with their own commits.
    expect(chunks.filter((chunk) => chunk.commit?.sha === merge)).toHaveLength(1);
  });

  it('reads a blob once, attributed to the first commit, however many commits carry it', async () => {
    const repo = makeRepo();
    const key = fakeKeys.github();
    repo.write('keys.txt', `${key}\n`);
    const first = repo.commit('add keys');
    for (let index = 0; index < 40; index++) {
      repo.write('counter.txt', `${index}\n`);
      repo.commit(`bump ${index}`);
    }
    // Removed and restored with the same bytes, then copied to another path: still the same blob.
    repo.git('rm', '-q', 'keys.txt');
    repo.commit('remove keys');
    repo.write('keys.txt', `${key}\n`);
    repo.write('backup/keys.txt', `${key}\n`);
    repo.commit('restore keys');

    const { source, chunks } = await scanHistory(repo.dir);
    const found = chunksWith(chunks, key);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: 'keys.txt', commit: { sha: first } });
    expect(source.stats.commitsScanned).toBe(43);
    expect(source.stats.blobsScanned).toBe(41);
  });

  it('reports an env file committed once, with the commit that added it, after `git rm --cached`', async () => {
    const repo = makeRepo();
    repo.write('index.js', 'require("dotenv").config();\n');
    repo.commit('initial');
    repo.write('.env', `GITHUB_TOKEN=${fakeKeys.github()}\n`);
    repo.write('.env.example', 'GITHUB_TOKEN=\n');
    const added = repo.commit('add env');
    repo.write('.env', `GITHUB_TOKEN=${fakeKeys.github()}\n`);
    repo.commit('rotate token');
    repo.git('rm', '-q', '--cached', '.env');
    repo.write('.gitignore', '.env\n');
    repo.commit('stop tracking .env');

    const { source } = await scanHistory(repo.dir);
    const findings = await source.hygieneFindings();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'env-file-committed', file: '.env', commit: { sha: added, summary: 'add env' } });
  });

  it('skips binary and oversized blobs and lists them', async () => {
    const repo = makeRepo();
    repo.write('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    repo.write('big.txt', 'x'.repeat(2048));
    repo.write('small.txt', 'hello\n');
    symlinkSync('small.txt', join(repo.dir, 'link.txt'));
    repo.commit('assets');

    const { source, chunks } = await scanHistory(repo.dir, { content: contentOptions(1024) });
    expect(chunks.map((chunk) => chunk.path)).toEqual(['small.txt']);
    expect(source.stats.skipped.map(({ path, reason }) => ({ path, reason })).sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'big.txt', reason: 'too-large' },
      { path: 'logo.png', reason: 'binary' },
    ]);
  });

  it('keeps paths exactly as git stores them (spaces, quotes, non-ASCII, newlines)', async () => {
    const repo = makeRepo();
    const names = ['with space.txt', 'quote"d.txt', 'naïve/ünïcode.txt', 'line\nbreak.txt'];
    names.forEach((name, index) => repo.write(name, `file ${index}\n`));
    repo.commit('odd names');
    const { chunks } = await scanHistory(repo.dir);
    expect(chunks.map((chunk) => chunk.path).sort()).toEqual([...names].sort());
  });

  it('is not thrown off by user config that changes log output', async () => {
    const repo = makeRepo();
    const configs = [['log.showRoot', 'false'], ['color.ui', 'always'], ['log.decorate', 'full'], ['diff.renames', 'copies'], ['log.abbrevCommit', 'true'], ['core.quotePath', 'true'], ['diff.relative', 'true']];
    for (const [name, value] of configs) repo.git('config', name!, value!);
    const { keys, shas } = threeKeyCommits(repo);
    const { chunks } = await scanHistory(repo.dir);
    const byPath = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(chunks.map((chunk) => [chunk.path, chunk.commit?.sha]).sort(byPath)).toEqual(keys.map((_, index) => [`config/${index}.js`, shas[index]]));
  });

  describe('narrowing', () => {
    it('since: only commits not reachable from the revision, on every ref', async () => {
      const repo = makeRepo();
      const { keys, shas } = threeKeyCommits(repo);
      const sideKey = fakeKeys.github();
      repo.git('checkout', '-q', '-b', 'side', shas[1]!);
      repo.write('side.js', `const key = "${sideKey}";\n`);
      repo.commit('side work');

      const { source, chunks } = await scanHistory(repo.dir, { since: shas[0]! });
      expect(keys.map((key) => chunksWith(chunks, key).length)).toEqual([0, 1, 1]);
      expect(chunksWith(chunks, sideKey)).toHaveLength(1);
      expect(source.stats.commitsScanned).toBe(3);
    });

    it('range A..B, also given as since', async () => {
      const repo = makeRepo();
      const { keys, shas } = threeKeyCommits(repo);
      for (const options of [{ range: `${shas[0]}..${shas[1]}` }, { since: `${shas[0]}..${shas[1]}` }]) {
        const { chunks } = await scanHistory(repo.dir, options);
        expect(keys.map((key) => chunksWith(chunks, key).length)).toEqual([0, 1, 0]);
      }
    });

    it('maxCommits: the newest N commits', async () => {
      const repo = makeRepo();
      const { keys } = threeKeyCommits(repo);
      const { source, chunks } = await scanHistory(repo.dir, { maxCommits: 2 });
      expect(keys.map((key) => chunksWith(chunks, key).length)).toEqual([0, 1, 1]);
      expect(source.stats.commitsScanned).toBe(2);
    });

    it('rejects unknown revisions, option-like revisions and a bad max-commits with one-line errors', async () => {
      const repo = makeRepo();
      threeKeyCommits(repo);
      await expect(scanHistory(repo.dir, { since: 'no-such-tag' })).rejects.toThrow(/unknown revision: no-such-tag/);
      await expect(scanHistory(repo.dir, { branch: 'nope' })).rejects.toThrow(/unknown revision: nope/);
      await expect(scanHistory(repo.dir, { range: 'main..nope' })).rejects.toThrow(/unknown revision: nope/);
      await expect(scanHistory(repo.dir, { since: '--output=/tmp/x' })).rejects.toThrow(/not a revision/);
      await expect(scanHistory(repo.dir, { maxCommits: 0 })).rejects.toThrow(GitError);
    });
  });

  describe('repository states', () => {
    it('scans a shallow clone and warns that older history is missing', async () => {
      const origin = makeRepo();
      const { keys } = threeKeyCommits(origin);
      const cloneDir = join(makeTempDir(), 'clone');
      runGitIn(origin.dir, ['clone', '-q', '--depth', '1', `file://${origin.dir}`, cloneDir]);

      const { source, chunks } = await scanHistory(cloneDir);
      expect(source.stats.warnings).toEqual([
        expect.stringMatching(/^shallow clone: history before 2024-01-01 \(commit [0-9a-f]{12}\) is not available; fetch with --unshallow to scan it all$/),
      ]);
      // The boundary commit has no parent here, so all of its files count as added by it.
      expect(keys.map((key) => chunksWith(chunks, key).length)).toEqual([1, 1, 1]);
      expect(source.stats.commitsScanned).toBe(1);
    });

    it('scans a bare repository', async () => {
      const origin = makeRepo();
      const { keys } = threeKeyCommits(origin);
      const bareDir = join(makeTempDir(), 'bare.git');
      runGitIn(origin.dir, ['clone', '-q', '--bare', origin.dir, bareDir]);
      const { chunks } = await scanHistory(bareDir);
      expect(keys.map((key) => chunksWith(chunks, key).length)).toEqual([1, 1, 1]);
    });

    it('reads only the walk\'s blobs from a pack listing: unreachable objects, loose or packed, are never scanned', async () => {
      const repo = makeRepo();
      const { keys } = threeKeyCommits(repo);
      // A blob written but never committed, and a commit dropped by a reset (kept by the reflog only).
      const dangling = fakeKeys.github();
      repo.write('dangling.txt', `${dangling}\n`);
      repo.git('hash-object', '-w', 'dangling.txt');
      const dropped = fakeKeys.github();
      repo.write('dropped.js', `const key = "${dropped}";\n`);
      repo.commit('dropped later');
      repo.git('reset', '-q', '--hard', 'HEAD~1');

      for (const pack of [false, true]) {
        // --keep-unreachable packs the unreachable objects too: pack order lists them among the rest.
        if (pack) repo.git('repack', '-q', '-a', '-d', '--keep-unreachable');
        const { source, chunks } = await scanHistory(repo.dir);
        expect(keys.map((key) => chunksWith(chunks, key).length)).toEqual([1, 1, 1]);
        expect([...chunksWith(chunks, dangling), ...chunksWith(chunks, dropped)]).toEqual([]);
        expect(source.stats).toMatchObject({ commitsScanned: 3, blobsScanned: 3 });
      }
    });

    it('asks for the blobs of a narrow scan by name, and lists a blob missing from the object store as unreadable', async () => {
      const repo = makeRepo();
      for (let index = 0; index < 20; index++) {
        repo.write(`notes/${index}.txt`, `note ${index}\n`);
        repo.commit(`note ${index}`);
      }
      const key = fakeKeys.github();
      repo.write('config.js', `const key = "${key}";\n`);
      repo.write('lost.txt', 'lost\n');
      repo.commit('add config');
      // The one commit is a small share of the repository: its blobs are not found by listing every object.
      const lost = repo.git('rev-parse', 'HEAD:lost.txt');
      rmSync(join(repo.dir, '.git', 'objects', lost.slice(0, 2), lost.slice(2)));

      const { source, chunks } = await scanHistory(repo.dir, { since: 'HEAD~1' });
      expect(chunks.map((chunk) => chunk.path)).toEqual(['config.js']);
      expect(chunksWith(chunks, key)).toHaveLength(1);
      expect(source.stats.skipped).toEqual([{ path: 'lost.txt', reason: 'unreadable', detail: expect.stringMatching(/^blob [0-9a-f]{12} from commit [0-9a-f]{12} is missing from the repository$/) }]);

      // A full scan lists every object first; the missing blob is then asked for by name.
      const full = await scanHistory(repo.dir);
      expect(full.chunks).toHaveLength(21);
      expect(full.source.stats.skipped).toEqual([{ path: 'lost.txt', reason: 'unreadable', detail: expect.stringContaining('is missing from the repository') }]);
    });

    it('errors clearly on an empty repository', async () => {
      const repo = makeRepo();
      const failure = scanHistory(repo.dir);
      await expect(failure).rejects.toBeInstanceOf(GitError);
      await expect(failure).rejects.toThrow(`no commits to scan: ${repo.dir} is an empty repository`);
    });

    it('errors clearly outside a repository and on a missing folder', async () => {
      const dir = makeTempDir();
      await expect(scanHistory(dir)).rejects.toThrow(`not a git repository: ${dir}`);
      await expect(scanHistory(join(dir, 'missing'))).rejects.toThrow(`no such directory: ${join(dir, 'missing')}`);
      const error = await scanHistory(dir).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'GitError', exitCode: 2 });
    });
  });

  it('reports progress and stops git cleanly when the consumer stops early', async () => {
    const repo = makeRepo();
    threeKeyCommits(repo);
    const reports: HistoryProgress[] = [];
    const source = historySource(repo.dir, { content: contentOptions(MAX_FILE_SIZE), onProgress: (progress) => reports.push(progress) });
    await collect(source);
    expect(reports.at(-1)).toEqual({ commits: 3, blobs: 3, bytes: source.stats.bytesScanned, totalCommits: 3 });

    const early = historySource(repo.dir, { content: contentOptions(MAX_FILE_SIZE) });
    for await (const chunk of early.chunks()) {
      expect(chunk).toMatchObject({ path: COMMIT_MESSAGE_PATH, content: Buffer.from('add config 0') });
      break;
    }
  });

  it('scans only a subfolder given as the root, with paths relative to it, merges included', async () => {
    const repo = makeRepo();
    repo.write('app/.env', 'A=1\n');
    repo.write('docs/.env', 'B=1\n');
    repo.commit('initial');
    repo.git('checkout', '-q', '-b', 'side');
    repo.write('app/main.js', 'side\n');
    repo.write('top.js', 'side\n');
    repo.commit('side');
    repo.git('checkout', '-q', 'main');
    repo.write('app/main.js', 'main\n');
    repo.write('top.js', 'main\n');
    repo.commit('main');
    expect(() => repo.git('merge', '-q', 'side')).toThrow();
    repo.write('app/main.js', 'resolved\n');
    repo.write('top.js', 'resolved\n');
    repo.commit('merge side');

    const { source, chunks } = await scanHistory(join(repo.dir, 'app'));
    // Blobs are read in the order git stores them, not in commit order.
    expect(chunks.map((chunk) => `${chunk.path}: ${chunk.content.toString().trim()}`).sort()).toEqual(['.env: A=1', 'main.js: main', 'main.js: resolved', 'main.js: side']);
    expect((await source.hygieneFindings()).map((finding) => finding.file)).toEqual(['.env']);
  });
});
