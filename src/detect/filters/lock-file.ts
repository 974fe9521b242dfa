import type { Candidate, Filter } from './filter.js';

/**
 * Lock files pin dependencies by version and checksum; their long hex and base64 values sit next to
 * names like `integrity` or `checksum` and are hashes of public packages, never credentials.
 * Most lock files end in `.lock` or `-lock.json`; these are the ones that do not.
 */
const LOCK_FILE_NAMES = new Set(['npm-shrinkwrap.json', 'go.sum', 'go.work.sum', 'Package.resolved']);
/** yarn.lock, Cargo.lock, bun.lockb, gradle.lockfile, package-lock.json, pnpm-lock.yaml, packages.lock.json, .terraform.lock.hcl */
const LOCK_FILE_SUFFIX = /(?:\.lock|\.lockb|\.lockfile|[.-]lock\.(?:json|ya?ml|hcl|toml))$/i;

export function isLockFile(path: string): boolean {
  const basename = path.slice(path.lastIndexOf('/') + 1);
  return LOCK_FILE_NAMES.has(basename) || LOCK_FILE_SUFFIX.test(basename);
}

export const lockFileFilter: Filter = {
  name: 'lock-file',
  description: 'Drops generic matches in dependency lock files (package-lock.json, yarn.lock, Cargo.lock, go.sum …), whose values are package checksums.',
  appliesTo: 'generic',
  matches: (candidate: Candidate) => isLockFile(candidate.path),
};
