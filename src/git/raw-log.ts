import type { CommitInfo } from '../finding/finding.js';
import { DelimitedReader } from './delimited-reader.js';
import { spawnGit } from './run.js';

/** A path whose content a commit set, as one `--raw` record reports it (the result side only). */
export interface FileChange {
  path: string;
  /** Blob sha of the content after the commit. */
  blob: string;
  /** Git file mode after the commit: 100644, 100755, 120000 (symlink), 160000 (submodule), 000000 (deleted). */
  mode: string;
}

export type LogEvent = { kind: 'commit'; commit: CommitInfo } | { kind: 'change'; change: FileChange };

/**
 * Marks the start of a commit header. Paths can contain any byte but NUL and always follow a raw
 * record, so a token is only read as a header where a raw record could start.
 */
const COMMIT_MARKER = '\x01';
const NUL = 0x00;

/**
 * Git arguments for a walk that shows every commit, oldest first, with the blobs it introduced.
 *
 * `--date-order --reverse`: parents always come before their children and otherwise older commits
 * first, so the first commit that shows a blob is the one that introduced it.
 * `-c` (combined diff) for merges: it lists only paths whose merge result differs from every
 * parent, which is exactly the content a merge introduces itself (a conflict resolution, an evil
 * merge); content equal to one parent was already shown by that parent's own commits. `-m` would
 * repeat whole branch diffs at every merge.
 * `--root`: the first commit (and a shallow clone's boundary) lists every file it adds.
 * `-z`: paths are not quoted or escaped.
 */
export function logArguments(revisions: readonly string[], maxCommits?: number): string[] {
  return [
    '-c', 'log.showSignature=false',
    'log',
    '--reverse', '--date-order', '-c', '--raw', '-z', '--root',
    '--no-renames', '--no-abbrev', '--no-color', '--encoding=UTF-8',
    `--format=${COMMIT_MARKER}%H%x00%an%x00%ae%x00%aI%x00%s`,
    ...(maxCommits === undefined ? [] : [`--max-count=${maxCommits}`]),
    ...revisions,
  ];
}

/**
 * Streams `git log` as commit and change events. Reading is pull-based: git blocks on a full pipe
 * while the consumer is busy, so memory stays bounded however long the history is. Stopping early
 * (break / return) kills git.
 */
export async function* readLog(cwd: string, revisions: readonly string[], maxCommits?: number): AsyncGenerator<LogEvent> {
  const git = spawnGit(cwd, logArguments(revisions, maxCommits));
  const reader = new DelimitedReader(git.stdout);
  let finished = false;
  try {
    for (;;) {
      const token = await reader.read(NUL);
      if (token === null) break;
      // Git puts a newline, or an empty record, between a header and its raw records.
      const text = token.toString('utf8').replace(/^\n/, '');
      if (text.startsWith(COMMIT_MARKER)) {
        yield { kind: 'commit', commit: await readCommitHeader(text.slice(1), reader) };
      } else if (text.startsWith(':')) {
        const path = await reader.read(NUL);
        if (path === null) break;
        yield { kind: 'change', change: parseRawRecord(text, path.toString('utf8')) };
      }
    }
    finished = true;
    await git.done;
  } finally {
    if (!finished) git.kill();
  }
}

async function readCommitHeader(sha: string, reader: DelimitedReader): Promise<CommitInfo> {
  const fields: string[] = [];
  while (fields.length < 4) fields.push((await reader.read(NUL))?.toString('utf8') ?? '');
  const [author = '', email = '', date = '', summary = ''] = fields;
  return { sha, author, email, date, summary };
}

/**
 * `:<mode> <mode> <sha> <sha> <status>` for one parent, `::<mode> <mode> <mode> <sha> <sha> <sha>
 * <status>` for a combined merge record: one colon per parent, the result side last.
 */
function parseRawRecord(record: string, path: string): FileChange {
  const parents = record.length - record.replace(/^:+/, '').length;
  const fields = record.slice(parents).split(' ');
  return { path, mode: fields[parents] ?? '', blob: fields[2 * parents + 1] ?? '' };
}
