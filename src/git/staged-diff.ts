import { DelimitedReader } from './delimited-reader.js';
import { GitError } from './errors.js';
import { gitOutput, spawnGit } from './run.js';

/** A path the next commit adds or changes, as the index holds it. */
export interface StagedFile {
  path: string;
  /** Blob sha in the index. */
  blob: string;
  /** Git file mode in the index: 100644, 100755, 120000 (symlink), 160000 (submodule). */
  mode: string;
  /** A, M, T, R (renamed, with -M) or C. */
  status: string;
  /** 1-based line numbers the commit adds; `all` for a new file, or where git showed no text diff. */
  addedLines: Set<number> | 'all';
}

const NUL = 0x00;
const NEWLINE = 0x0a;
const DIFF_HEADER = Buffer.from('diff --git ', 'latin1');

/**
 * One `git diff --cached` gives both what is staged (`--raw -z`: modes, index blob shas, exact
 * paths) and which lines each file adds (`-p -U0`: hunk headers), so a commit costs one process.
 *
 * `-M`: a moved file is paired with its old path, so only lines the move actually changed count as
 * added; moving a file whose key is already in HEAD does not block the commit, editing a line
 * into it does. Copies are not detected (`-C` is not passed): a copied key spreads to a new path,
 * so its lines count as added.
 * `--diff-filter=ACMRT`: deleted and unmerged paths add nothing.
 * `--inter-hunk-context=0`: a user's diff.interHunkContext would merge nearby hunks and count the
 * unchanged lines between them as added.
 * No HEAD yet (the first commit): git diffs the index against the empty tree, so every line is added.
 */
const DIFF_ARGUMENTS = [
  'diff', '--cached', '--raw', '-p', '-U0', '--inter-hunk-context=0', '-z', '-M', '--diff-filter=ACMRT',
  '--no-color', '--no-ext-diff', '--no-textconv', '--no-relative', '--submodule=short', '--full-index', '--no-abbrev',
];

export async function readStagedFiles(cwd: string): Promise<StagedFile[]> {
  const git = spawnGit(cwd, DIFF_ARGUMENTS);
  const reader = new DelimitedReader(git.stdout);
  let files: StagedFile[];
  try {
    files = await readRawRecords(reader);
    await readAddedLines(reader, files);
    await git.done;
  } catch (error) {
    git.kill();
    await git.done.catch(() => {});
    throw await explainFailure(cwd, error);
  }
  // A bare repository has no index, so git reports nothing staged; say so instead of passing.
  // Asked only when the diff is empty, so a normal commit still costs no extra process.
  if (files.length === 0 && (await gitOutput(cwd, ['rev-parse', '--is-bare-repository'])) === 'true') {
    throw new GitError(`${cwd} is a bare repository: it has no index, so nothing is staged to scan`);
  }
  return files;
}

/** `:<mode> <mode> <sha> <sha> <status>` NUL path (NUL path for R/C), until an empty record. */
async function readRawRecords(reader: DelimitedReader): Promise<StagedFile[]> {
  const files: StagedFile[] = [];
  for (;;) {
    const record = (await reader.read(NUL))?.toString('utf8');
    if (!record) return files;
    const [, mode = '', , blob = '', status = ''] = record.slice(1).split(' ');
    if (status.startsWith('R') || status.startsWith('C')) await reader.read(NUL);
    const path = (await reader.read(NUL))?.toString('utf8') ?? '';
    // A type change (symlink to file) is all new content.
    const whollyNew = status === 'A' || status === 'T';
    files.push({ path, blob, mode, status: status.charAt(0), addedLines: whollyNew ? 'all' : new Set() });
  }
}

/**
 * Patches come in the same order as the raw records, one `diff --git` header each (two for a type
 * change: a deletion and an addition). Only the headers and `@@ -a,b +c,d @@` lines matter; with
 * -U0 lines c … c+d-1 are exactly the added ones. A new file's patch is the whole file, every line
 * added, so its body is skipped unread (the patch was most of a pre-commit hook's parsing time).
 */
async function readAddedLines(reader: DelimitedReader, files: StagedFile[]): Promise<void> {
  const patchOwners = files.flatMap((file) => (file.status === 'T' ? [file, file] : [file]));
  let index = -1;
  let inHeader = false;
  for (let line = await reader.read(NEWLINE); line !== null; line = reader.buffered(NEWLINE) ?? (await reader.read(NEWLINE))) {
    const first = line[0];
    if (first === 0x64 /* d */ && line.subarray(0, DIFF_HEADER.length).equals(DIFF_HEADER)) {
      index += 1;
      inHeader = true;
      if (!patchOwners[index]) throw new GitError('unexpected git diff output: more patches than staged files');
      continue;
    }
    const file = patchOwners[index];
    if (!file) continue;
    if (first === 0x40 /* @ */) {
      inHeader = false;
      if (file.addedLines !== 'all') addHunk(line.toString('latin1'), file.addedLines);
      else await reader.skipTo(NEWLINE, DIFF_HEADER);
    } else if (inHeader) {
      const text = line.toString('utf8');
      // Git judged the file binary (NUL bytes, or a `-diff` attribute) and showed no lines; the
      // source decides from the content whether it is text, and then every line counts.
      if (text.startsWith('Binary files ')) file.addedLines = 'all';
      else if (text.startsWith('index ') && file.status !== 'T' && !text.slice(6).split(' ')[0]!.endsWith(`..${file.blob}`)) {
        throw new GitError(`unexpected git diff output: the patch for ${file.path} does not match the index`);
      }
    }
  }
  if (index !== patchOwners.length - 1) throw new GitError('unexpected git diff output: fewer patches than staged files');
}

function addHunk(header: string, added: Set<number>): void {
  const match = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(header);
  if (!match) return;
  const start = Number(match[1]);
  const count = match[2] === undefined ? 1 : Number(match[2]);
  for (let line = start; line < start + count; line++) added.add(line);
}

/**
 * Outside a repository `git diff --cached` falls back to `--no-index` mode and complains about the
 * option, which explains nothing; ask rev-parse for the real reason instead.
 */
async function explainFailure(cwd: string, error: unknown): Promise<unknown> {
  if (!(error instanceof GitError) || !/unknown option/.test(error.message)) return error;
  try {
    await spawnGit(cwd, ['rev-parse', '--git-dir']).done;
    return error;
  } catch (reason) {
    return reason instanceof GitError && /not a git repository/.test(reason.message) ? new GitError(`not a git repository: ${cwd}`) : reason;
  }
}
