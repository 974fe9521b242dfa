import { GitError } from './errors.js';
import { spawnGit, type GitProcess } from './run.js';

/** One object as `git cat-file` describes it. */
export interface CatFileObject {
  sha: string;
  type: string;
  size: number;
  /** The object's bytes; null in `info` mode and when the object is larger than the read's limit. */
  content: Buffer | null;
}

interface PendingRead {
  maxSize: number;
  resolve(object: CatFileObject | null): void;
  reject(error: Error): void;
}

/** The object being received, once its header is parsed. */
interface IncomingBody {
  object: CatFileObject;
  /** Bytes still to come, including the newline git writes after the content. */
  remaining: number;
  filled: number;
}

const NEWLINE = 0x0a;

/**
 * One long-lived `git cat-file --batch` (`contents`) or `--batch-check` (`info`) process.
 *
 * Reads are pipelined: every `read()` writes its sha at once and the responses, which git sends
 * in request order, are matched to a FIFO of pending reads. The parser keeps at most one object
 * plus the current stdout chunk; an object over the read's `maxSize` is drained without being
 * kept. The caller bounds how many reads it has in flight, which bounds what git can write ahead.
 */
export class CatFile {
  private readonly git: GitProcess;
  private readonly pending: PendingRead[] = [];
  private headerParts: Buffer[] = [];
  private body: IncomingBody | null = null;
  private failure: Error | null = null;
  private closing = false;

  private constructor(
    cwd: string,
    private readonly mode: 'contents' | 'info',
  ) {
    this.git = spawnGit(cwd, ['cat-file', mode === 'contents' ? '--batch' : '--batch-check']);
    this.git.stdout.on('data', (data: Buffer) => this.receive(data));
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

  private receive(data: Buffer): void {
    let offset = 0;
    while (offset < data.length) {
      if (this.body) {
        offset = this.fillBody(this.body, data, offset);
        continue;
      }
      const end = data.indexOf(NEWLINE, offset);
      if (end === -1) {
        this.headerParts.push(data.subarray(offset));
        return;
      }
      this.headerParts.push(data.subarray(offset, end));
      const header = Buffer.concat(this.headerParts).toString('utf8');
      this.headerParts = [];
      offset = end + 1;
      this.startObject(header);
    }
  }

  private startObject(header: string): void {
    const request = this.pending[0];
    if (!request) return this.fail(new GitError(`git cat-file answered a request that was never made: ${header}`));
    // `<sha> <type> <size>`, or `<name> missing` / `<name> ambiguous`.
    const [sha = '', type = '', sizeText] = header.split(' ');
    if (sizeText === undefined) {
      this.pending.shift();
      return request.resolve(null);
    }
    const size = Number(sizeText);
    if (this.mode === 'info') {
      this.pending.shift();
      return request.resolve({ sha, type, size, content: null });
    }
    const content = size <= request.maxSize ? Buffer.allocUnsafe(size) : null;
    this.body = { object: { sha, type, size, content }, remaining: size + 1, filled: 0 };
  }

  private fillBody(body: IncomingBody, data: Buffer, offset: number): number {
    const take = Math.min(body.remaining, data.length - offset);
    const content = body.object.content;
    if (content && body.filled < content.length) {
      body.filled += data.copy(content, body.filled, offset, offset + Math.min(take, content.length - body.filled));
    }
    body.remaining -= take;
    if (body.remaining === 0) {
      this.body = null;
      this.pending.shift()?.resolve(body.object);
    }
    return offset + take;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const request of this.pending.splice(0)) request.reject(this.failure);
  }
}
