import path from 'node:path';
import { KeyguardError } from '../errors.js';
import type { FileEdit } from './file-edits.js';

/** What one installer did (`changes`) and what the user still has to do or know (`notes`). */
export interface InstallOutcome {
  changes: string[];
  notes: string[];
}

/** What an installer will do: the file edits, made all or nothing (file-edits.ts), and the summary of them. */
export interface InstallPlan extends InstallOutcome {
  edits: FileEdit[];
}

/**
 * A reason init cannot go ahead that the user can act on (not a repository, a hook that is not
 * ours, a read-only file). Thrown before anything is written, or after undoing what was;
 * runInit turns it into a one-line error and exit code 2.
 */
export class InitError extends KeyguardError {
  override name = 'InitError';
}

/** Paths in the summary are relative to the repository root, where the user looks for them. */
export function displayPath(root: string, absolutePath: string): string {
  const relative = path.relative(root, absolutePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolutePath;
  return relative.split(path.sep).join('/');
}
