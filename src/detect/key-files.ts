import type { CommitInfo } from '../finding/finding.js';
import type { RawFinding } from '../finding/raw-finding.js';
import { hygieneFinding } from '../hygiene/hygiene-finding.js';
import type { RuleInfo } from '../scan-result.js';

/**
 * Key files that are binary, so no text pattern sees them: judged by the content stage from their
 * bytes (src/content/content-stage.ts), reported without any of their content.
 */
export const GCP_P12_RULE = {
  id: 'gcp-p12-key-file',
  name: 'Google Cloud service account key file (.p12)',
  provider: 'Google Cloud',
  severity: 'critical',
  description: "A PKCS#12 service account key file that opens with Google's well-known default password (notasecret), so whoever has the file has the account's private key.",
  references: ['https://cloud.google.com/iam/docs/keys-create-delete', 'https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys'],
  category: 'secret',
  remedy: 'Delete the key in the Google Cloud console (IAM > Service accounts > Keys) and remove the file from the repository; use workload identity federation or a JSON key kept in a secret manager instead.',
} as const satisfies RuleInfo;

/** File names that may hold a PKCS#12 key (Google issues `.p12`; `.pfx` is the same format). */
export function mayBePkcs12(path: string): boolean {
  return /\.(?:p12|pfx)$/i.test(path);
}

export function p12KeyFileFinding(path: string, commit: CommitInfo | null): RawFinding {
  const rule = GCP_P12_RULE;
  const message = `${rule.name} ${commit ? 'committed' : 'found'}; it opens with Google's default password.`;
  return hygieneFinding(rule, path, message, rule.remedy, commit, 'secret');
}
