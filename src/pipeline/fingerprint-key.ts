import { gitOutput } from '../git/run.js';
import { locateRepo } from '../git/locate.js';

/** Used where no repository identifies the project (a folder outside git, a repository with no commit yet). */
const UNKEYED = 'keyguard-fingerprint-v1';

/**
 * The HMAC key for fingerprints (src/finding/fingerprint.ts): `KEYGUARD_FINGERPRINT_KEY` when set
 * (a team that shares reports outside the repository keeps it in CI secrets), otherwise the tree
 * id of the repository's root commit, which every clone shares, so fingerprints and baselines stay
 * stable across runs and machines while a report alone does not let anyone test guesses of a
 * secret against it. Not the root commit's own id: a `--history` report names the commit of each
 * finding, and a key committed in the first commit would put the HMAC key in the same report. No
 * report holds a tree id. Outside git, a fixed key: still stable, but only as strong as a plain hash.
 */
export async function fingerprintKeyFor(root: string): Promise<string> {
  const configured = process.env.KEYGUARD_FINGERPRINT_KEY;
  if (configured) return configured;
  const repo = locateRepo(root);
  if (!repo) return UNKEYED;
  // "commit tree" per root commit (a history can have several): the one of the smallest commit id.
  const roots = await gitOutput(repo.worktree, ['log', '--max-parents=0', '--format=%H %T', 'HEAD']).catch(() => '');
  const first = roots.split('\n').filter(Boolean).sort()[0];
  return first === undefined ? UNKEYED : `keyguard-fingerprint-v2:${first.split(' ')[1]}`;
}
