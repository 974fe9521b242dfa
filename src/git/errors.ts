import { KeyguardError } from '../errors.js';

/**
 * A git problem the user has to fix (not a repository, no commits, unknown revision, git missing).
 * The CLI prints `message` as a single line and exits with `exitCode`, so messages are written
 * for people and never carry a stack or git's multi-line usage text.
 */
export class GitError extends KeyguardError {
  override name = 'GitError';
}

/**
 * The line of git's stderr worth showing: the `fatal:`/`error:` line without its prefix, because
 * git often prints hints and usage around it. Falls back to the first non-empty line.
 */
export function gitStderrReason(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean);
  const reason = lines.find((line) => /^(fatal|error):/.test(line)) ?? lines[0] ?? '';
  return reason.replace(/^(fatal|error):\s*/, '');
}

export const GIT_MISSING_MESSAGE = 'git is not installed or not on PATH; keyguard needs it to scan history and staged changes';
