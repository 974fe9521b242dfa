import { BatchOutputParser, type CatFileAnswer, type CatFileObject } from './batch-output.js';
import { GitError } from './errors.js';
import { spawnGit, type GitProcess } from './run.js';

export type { CatFileObject } from './batch-output.js';

interface PendingRead {
  maxSize: number;
  resolve(object: CatFileObject | null): void;
  reject(error: Error): void;
}

/**
 * One long-lived `git cat-file --batch` (`contents`) or `--batch-check` (`info`) process, for
 * reads decided one at a time (the index's blobs). A list of objects known up front reads faster
 * through `catFileBulk` (bulk-read.ts).
 *
 * Reads are pipelined: every `read()` writes its sha at once and the responses, which git sends
 * in request order, are matched to a FIFO of pending reads. An object over the read's `maxSize`
 * is drained without being kept. The caller bounds how many reads it has in flight, which bounds
 * what git can write ahead.
 */
export class CatFile {
  private readonly git: GitProcess;
  private readonly pending: PendingRead[] = [];
  private readonly parser: BatchOutputParser;
  private failure: Error | null = null;
  private closing = false;

  private constructor(cwd: string, mode: 'contents' | 'info') {
    this.parser = new BatchOutputParser(mode === 'contents', () => this.pending[0]?.maxSize ?? 0);
    this.git = spawnGit(cwd, ['cat-file', mode === 'contents' ? '--batch' : '--batch-check']);
    this.git.stdout.on('data', (data: Buffer) => this.parser.parse(data, (answer) => this.answer(answer)));
    this.git.done.then(
      () => this.fail(new GitError('git cat-file stopped before answering every request')),
      (error: Error) => this.fail(error),
    );
  }

  static open(cwd: string, mode: 'contents' | 'info' = 'contents'): CatFile {
    return new CatFile(cwd, mode);
  }

  /** The object, or null when the repository does not have it. */
  read(sha: string, maxSize = Number.POSITIVE_INFINITY): Promise<CatFileObject | null> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closing) return Promise.reject(new Error('CatFile.read() after close()'));
    return new Promise((resolve, reject) => {
      this.pending.push({ maxSize, resolve, reject });
      this.git.stdin.write(`${sha}\n`);
    });
  }

  /** Lets git finish the requests already sent, then waits for it to exit. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.git.stdin.end();
    await this.git.done.catch(() => {});
  }

  private answer(answer: CatFileAnswer): void {
    const request = this.pending.shift();
    if (!request) return this.fail(new GitError(`git cat-file answered a request that was never made: ${answer.sha}`));
    request.resolve('missing' in answer ? null : answer);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const request of this.pending.splice(0)) request.reject(this.failure);
  }
}
