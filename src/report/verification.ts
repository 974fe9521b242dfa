import type { Finding, Verification, VerificationStatus } from '../finding/finding.js';

const WORDS: Record<VerificationStatus, string> = {
  live: 'LIVE, the provider accepts this key',
  revoked: 'revoked, the provider rejects this key',
  unknown: 'unknown',
  error: 'error, no answer',
};

/** `LIVE, the provider accepts this key (organization org-1)`. */
export function describeVerification(verification: Verification): string {
  return `${WORDS[verification.status]}${verification.detail ? ` (${verification.detail})` : ''}`;
}

/** Live keys first, revoked ones last, the rest (and findings not verified) in between. */
export function verificationRank(finding: Finding): number {
  const status = finding.verification?.status;
  return status === 'live' ? 0 : status === 'revoked' ? 2 : 1;
}
