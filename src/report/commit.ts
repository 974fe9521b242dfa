import type { CommitInfo } from '../finding/finding.js';

/** Enough to find the commit again with `git show`, as git's own short form does. */
const SHORT_SHA_LENGTH = 7;

/** `1a2b3c4 by Jane Doe on 2024-05-01`: the author's calendar day, taken from the ISO date. */
export function describeCommit(commit: CommitInfo): string {
  return `${commit.sha.slice(0, SHORT_SHA_LENGTH)} by ${commit.author} on ${commit.date.slice(0, 10)}`;
}
