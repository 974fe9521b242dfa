import type { Candidate, Filter } from './filter.js';

/**
 * How a user accepts a finding in place: a comment on the line where the secret starts.
 * `keyguard:allow` is ours; `gitleaks:allow` (gitleaks) and `pragma: allowlist secret`
 * (detect-secrets) are honoured too, so a repository that moves to keyguard keeps its decisions.
 */
const ALLOW_COMMENT = /keyguard:allow|gitleaks:allow|pragma:\s*allowlist[ -]secret/i;

export function hasAllowComment(line: string): boolean {
  return ALLOW_COMMENT.test(line);
}

export const inlineAllowFilter: Filter = {
  name: 'inline-allow',
  description:
    'Drops matches on a line that carries `keyguard:allow` (or `gitleaks:allow`, `pragma: allowlist secret`); the one filter that also applies to risky-code rules.',
  appliesTo: 'all',
  matches: (candidate: Candidate) => hasAllowComment(candidate.line),
};
