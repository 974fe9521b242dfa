import { constants, type Stats } from 'node:fs';
import { access, chmod, lstat, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { insideAny, linkDestination } from '../fs/link-destination.js';
import { writeFileAtomic } from '../fs/write-atomic.js';
import { InitError } from './outcome.js';

/** One change init makes to a file; an installer plans them all before any is made. */
export type FileEdit =
  | { kind: 'write'; path: string; content: string; executable?: boolean }
  | { kind: 'move'; from: string; to: string }
  | { kind: 'make-executable'; path: string };

/**
 * Makes init's edits all or nothing. Each is checked first: a link that leads out of the
 * repository (`within`), something that is not a regular file, a read-only file or folder, a
 * folder that is a file. Any of these stops init with one line before anything is written. Then
 * each file is replaced atomically (temp file and rename: a reader never sees half of one), and
 * if an edit still fails (a full disk) the ones already made are undone.
 *
 * A file reached through a symbolic link that stays inside `within` is edited where the link
 * leads, so a hook kept elsewhere in the repository and linked into place stays linked.
 */
export async function applyFileEdits(edits: readonly FileEdit[], within: readonly string[], shown: (filePath: string) => string): Promise<void> {
  const checked: FileEdit[] = [];
  for (const edit of edits) checked.push(await checkEdit(edit, within, shown));

  const undo: Array<() => Promise<unknown>> = [];
  for (const edit of checked) {
    try {
      undo.push(await makeEdit(edit));
    } catch (error) {
      for (const step of undo.reverse()) await step().catch(() => undefined);
      const failure = error as NodeJS.ErrnoException;
      throw new InitError(`cannot change ${shown(edit.kind === 'move' ? edit.from : edit.path)}: ${failure.code ?? failure.message}; nothing was changed`);
    }
  }
}

async function checkEdit(edit: FileEdit, within: readonly string[], shown: (filePath: string) => string): Promise<FileEdit> {
  switch (edit.kind) {
    case 'write': {
      const target = destination(edit.path, within, shown);
      await checkWritableFile(target, shown);
      await checkWritableFolder(path.dirname(target), shown);
      return { ...edit, path: target };
    }
    case 'move':
      await checkWritableFolder(path.dirname(edit.from), shown);
      await checkWritableFolder(path.dirname(edit.to), shown);
      return edit;
    case 'make-executable':
      return { ...edit, path: destination(edit.path, within, shown) };
  }
}

/** Does the edit, and returns how to undo it. */
async function makeEdit(edit: FileEdit): Promise<() => Promise<unknown>> {
  switch (edit.kind) {
    case 'write': {
      const previous = await readFile(edit.path).catch(() => null);
      const createdFolder = await mkdir(path.dirname(edit.path), { recursive: true });
      writeFileAtomic(edit.path, edit.content, edit.executable ? 0o755 : 0o644);
      return async () => {
        if (previous !== null) writeFileAtomic(edit.path, previous);
        else await rm(edit.path, { force: true });
        if (createdFolder !== undefined) await rm(createdFolder, { recursive: true, force: true });
      };
    }
    case 'move':
      await rename(edit.from, edit.to);
      return () => rename(edit.to, edit.from);
    case 'make-executable': {
      const { mode } = await stat(edit.path);
      await chmod(edit.path, 0o755);
      return () => chmod(edit.path, mode & 0o7777);
    }
  }
}

/**
 * Where writing `filePath` lands: the path itself, or, for a symbolic link, the file it leads to,
 * which must be inside the repository (a cloned repository's `.husky/pre-commit` may be a link to
 * a file of the user's that init must not touch).
 */
function destination(filePath: string, within: readonly string[], shown: (filePath: string) => string): string {
  const leadsTo = linkDestination(filePath);
  if (leadsTo === null) return filePath;
  if (!insideAny(leadsTo, within)) {
    throw new InitError(`refusing to change ${shown(filePath)}: it is a symbolic link that leads outside the repository (to ${leadsTo})`);
  }
  return leadsTo;
}

async function checkWritableFile(filePath: string, shown: (filePath: string) => string): Promise<void> {
  const stats = await lstat(filePath).catch(() => null);
  if (stats === null) return;
  if (!stats.isFile()) throw new InitError(`cannot write ${shown(filePath)}: it is ${kindOf(stats)}, not a file`);
  if (!(await canWrite(filePath))) throw new InitError(`cannot write ${shown(filePath)}: permission denied (the file is read-only)`);
}

/** The folder, or the nearest one above it that exists, since init creates the missing ones. */
async function checkWritableFolder(folder: string, shown: (filePath: string) => string): Promise<void> {
  let existing = folder;
  let stats = await stat(existing).catch(() => null);
  while (stats === null && path.dirname(existing) !== existing) {
    existing = path.dirname(existing);
    stats = await stat(existing).catch(() => null);
  }
  if (stats !== null && !stats.isDirectory()) throw new InitError(`cannot create ${shown(folder)}: ${shown(existing)} is ${kindOf(stats)}, not a folder`);
  if (!(await canWrite(existing))) throw new InitError(`cannot write in ${shown(existing)}: permission denied (the folder is read-only)`);
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'a file';
}

async function canWrite(filePath: string): Promise<boolean> {
  return access(filePath, constants.W_OK).then(() => true, () => false);
}
