/** One object as `git cat-file` describes it. */
export interface CatFileObject {
  sha: string;
  type: string;
  size: number;
  /** The object's bytes; null in `--batch-check` output and when the object is over the read's size limit. */
  content: Buffer | null;
}

/** The answer for a name the repository does not have (`<name> missing`, `<name> ambiguous`). */
export interface MissingObject {
  sha: string;
  missing: true;
}

export type CatFileAnswer = CatFileObject | MissingObject;

/** The object being received, once its header is parsed. */
interface IncomingBody {
  object: CatFileObject;
  /** Bytes still to come, including the newline git writes after the content. */
  remaining: number;
  filled: number;
}

const NEWLINE = 0x0a;

/**
 * Parses the output of `git cat-file --batch` (headers and contents) or `--batch-check` (headers
 * only), fed in the pieces stdout delivers. It keeps at most one object plus a partial header:
 * an object over the size limit is drained without being kept.
 */
export class BatchOutputParser {
  private headerParts: Buffer[] = [];
  private body: IncomingBody | null = null;

  /**
   * @param withContent whether each header is followed by the object's bytes (`--batch`)
   * @param sizeLimit the largest object to keep, asked as each object starts (a caller with
   *   per-request limits answers for the oldest unanswered request)
   */
  constructor(
    private readonly withContent: boolean,
    private readonly sizeLimit: () => number = () => Number.POSITIVE_INFINITY,
  ) {}

  /** True between answers: nothing is half received. */
  get idle(): boolean {
    return this.body === null && this.headerParts.length === 0;
  }

  /** Reads one piece of git's stdout, calling `answer` for each answer it completes, in order. */
  parse(data: Buffer, answer: (answer: CatFileAnswer) => void): void {
    let offset = 0;
    while (offset < data.length) {
      if (this.body) {
        offset = this.fillBody(this.body, data, offset, answer);
        continue;
      }
      const end = data.indexOf(NEWLINE, offset);
      if (end === -1) {
        this.headerParts.push(data.subarray(offset));
        return;
      }
      const line = data.subarray(offset, end);
      const header = (this.headerParts.length === 0 ? line : Buffer.concat([...this.headerParts, line])).toString('latin1');
      this.headerParts = [];
      offset = end + 1;
      this.startObject(header, answer);
    }
  }

  private startObject(header: string, answer: (answer: CatFileAnswer) => void): void {
    // `<sha> <type> <size>`, or `<name> missing` / `<name> ambiguous`.
    const [sha = '', type = '', sizeText] = header.split(' ');
    if (sizeText === undefined) return answer({ sha, missing: true });
    const size = Number(sizeText);
    if (!this.withContent) return answer({ sha, type, size, content: null });
    const content = size <= this.sizeLimit() ? Buffer.allocUnsafe(size) : null;
    this.body = { object: { sha, type, size, content }, remaining: size + 1, filled: 0 };
  }

  private fillBody(body: IncomingBody, data: Buffer, offset: number, answer: (answer: CatFileAnswer) => void): number {
    const take = Math.min(body.remaining, data.length - offset);
    const content = body.object.content;
    if (content && body.filled < content.length) {
      body.filled += data.copy(content, body.filled, offset, offset + Math.min(take, content.length - body.filled));
    }
    body.remaining -= take;
    if (body.remaining === 0) {
      this.body = null;
      answer(body.object);
    }
    return offset + take;
  }
}
