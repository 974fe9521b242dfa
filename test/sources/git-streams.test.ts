import { readdirSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { ByteStream } from '../../src/content/byte-stream.js';
import { ContentStage } from '../../src/content/content-stage.js';
import { WINDOW_BYTES } from '../../src/content/windows.js';
import { streamBlob } from '../../src/git/blob-stream.js';
import { CatFile } from '../../src/git/catfile.js';
import { emptyStats } from '../../src/sources/source.js';
import { DelimitedReader } from '../../src/git/delimited-reader.js';
import { makeRepo, removeTestRepos } from '../helpers/git-repo.js';

afterEach(removeTestRepos);

describe('DelimitedReader', () => {
  it('splits records across any chunk boundaries and lets the delimiter change between reads', async () => {
    const bytes = Buffer.from('first\0second\0\0line one\nline two\nunterminated');
    // One byte per chunk: every record straddles chunk boundaries.
    const reader = new DelimitedReader(Readable.from([...bytes].map((byte) => Buffer.from([byte]))));
    const read = async (delimiter: number) => (await reader.read(delimiter))?.toString() ?? null;
    expect([await read(0), await read(0), await read(0)]).toEqual(['first', 'second', '']);
    expect([await read(10), await read(10), await read(10), await read(10)]).toEqual(['line one', 'line two', 'unterminated', null]);
  });

  it('hands out buffered records without waiting, after a switch of delimiter and across chunks', async () => {
    const chunks = ['raw\0a\nb', 'c\nd\ne\n', '\n', 'tail'].map((text) => Buffer.from(text));
    const reader = new DelimitedReader(Readable.from(chunks));
    expect((await reader.read(0))?.toString()).toBe('raw');
    const records: string[] = [];
    let waits = 0;
    for (let record = reader.buffered(10); ; record = reader.buffered(10)) {
      if (record === null) {
        waits++;
        record = await reader.read(10);
        if (record === null) break;
      }
      records.push(record.toString());
    }
    expect(records).toEqual(['a', 'bc', 'd', 'e', '', 'tail']);
    // Whole chunks' worth of lines come at once, not one await per line.
    expect(waits).toBeLessThan(records.length);
  });

  it('skips to the next record with a prefix across chunk boundaries, matching only whole records', async () => {
    const text = 'head\n+x diff --git not here\n+more\ndiff --git a b\nafter\n+tail\n';
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const chunks: Buffer[] = [];
      for (let at = 0; at < text.length; at += size) chunks.push(Buffer.from(text.slice(at, at + size)));
      const reader = new DelimitedReader(Readable.from(chunks));
      expect((await reader.read(10))?.toString()).toBe('head');
      await reader.skipTo(10, Buffer.from('diff --git '));
      expect((await reader.read(10))?.toString()).toBe('diff --git a b');
      // The current record already has the prefix: it stays.
      await reader.skipTo(10, Buffer.from('after'));
      expect((await reader.read(10))?.toString()).toBe('after');
      await reader.skipTo(10, Buffer.from('diff --git '));
      expect(await reader.read(10)).toBeNull();
    }
  });
});

describe('CatFile', () => {
  it('answers pipelined reads in order: contents, missing objects, empty and oversized blobs', async () => {
    const repo = makeRepo();
    const texts = Array.from({ length: 200 }, (_, index) => `file ${index}\n`.repeat(index));
    texts.forEach((text, index) => repo.write(`f${index}.txt`, text));
    repo.write('big.txt', 'z'.repeat(300_000));
    repo.commit('files');
    const shas = texts.map((_, index) => repo.git('rev-parse', `HEAD:f${index}.txt`));
    const bigSha = repo.git('rev-parse', 'HEAD:big.txt');
    const missing = 'f'.repeat(40);

    const contents = CatFile.open(repo.dir);
    const reads = [...shas.map((sha) => contents.read(sha)), contents.read(missing), contents.read(bigSha, 1000), contents.read(shas[1]!)];
    const results = await Promise.all(reads);
    expect(results.slice(0, 200).map((object) => object?.content?.toString())).toEqual(texts);
    expect(results[200]).toBeNull();
    expect(results[201]).toEqual({ sha: bigSha, type: 'blob', size: 300_000, content: null });
    expect(results[202]?.content?.toString()).toBe(texts[1]);
    await contents.close();

    const info = CatFile.open(repo.dir, 'info');
    expect(await Promise.all([info.read(bigSha), info.read(missing)])).toEqual([{ sha: bigSha, type: 'blob', size: 300_000, content: null }, null]);
    await info.close();
  });

  it('rejects reads with a GitError when git cannot run there', async () => {
    const contents = CatFile.open('/nonexistent-keyguard-dir');
    await expect(contents.read('a'.repeat(40))).rejects.toThrow('no such directory: /nonexistent-keyguard-dir');
    await contents.close();
  });
});

/** The git processes this test process started that are still running (Linux: read from /proc). */
function runningGitChildren(): number[] {
  const children: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // "pid (comm) state ppid …"; comm may hold spaces, so read from its closing parenthesis.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(ppid) === process.pid && state !== 'Z' && stat.includes('(git)')) children.push(Number(name));
  }
  return children;
}

/** Waits (up to a generous bound, for a loaded machine) until no git child runs; returns those left. */
async function gitChildrenAfterSettling(): Promise<number[]> {
  for (let waited = 0; waited < 20_000 && runningGitChildren().length > 0; waited += 50) await sleep(50);
  return runningGitChildren();
}

describe.runIf(process.platform === 'linux')('a streamed blob whose reader stops early', () => {
  // Bigger than one window, so the content stage streams it from `git cat-file blob` window by
  // window, and bigger than the pipe can hold, so git is still writing when the reader stops.
  function repoWithBigBlob(): { dir: string; sha: string } {
    const repo = makeRepo();
    repo.write('big.txt', 'a line of ordinary text, nothing secret in it\n'.repeat(Math.ceil((WINDOW_BYTES * 1.5) / 46)));
    repo.commit('big');
    return { dir: repo.dir, sha: repo.git('rev-parse', 'HEAD:big.txt') };
  }

  it('stops its git process when the content stage consumer returns after the first window', async () => {
    const { dir, sha } = repoWithBigBlob();
    expect(runningGitChildren()).toEqual([]);
    const stage = new ContentStage({ binary: false, maxFileSize: null, archiveDepth: 3 }, emptyStats());
    const chunks = stage.chunks({ path: 'big.txt', bytes: new ByteStream(streamBlob(dir, sha)) });
    const first = await chunks.next();
    expect(first.done).toBe(false);
    expect(runningGitChildren()).toHaveLength(1);
    await chunks.return(undefined);
    expect(await gitChildrenAfterSettling()).toEqual([]);
  });

  it('stops its git process when a loop over the bytes breaks', async () => {
    const { dir, sha } = repoWithBigBlob();
    const bytes = new ByteStream(streamBlob(dir, sha));
    for await (const piece of bytes) {
      expect(piece.length).toBeGreaterThan(0);
      break;
    }
    expect(await gitChildrenAfterSettling()).toEqual([]);
  });
});
