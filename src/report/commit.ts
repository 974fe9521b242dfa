import type { CommitInfo } from '../finding/finding.js';
import { shortSha } from '../finding/short-sha.js';


/** `1a2b3c4 by Jane Doe on 2024-05-01`: the author's calendar day, taken from the ISO date. */
export function describeCommit(commit: CommitInfo): string {
  return `${shortSha(commit.sha)} by ${commit.author} on ${commit.date.slice(0, 10)}`;
}
