/**
 * Redaction: keep enough of a secret to recognise it (its prefix, e.g. `sk-proj-`, and the last
 * characters, to tell two keys apart) and never enough to use it.
 */

const KNOWN_PREFIX = /^(?:sk-(?:proj|svcacct|admin|None|service|ant-api\d\d|ant-admin\d\d|or-v1)-|[a-z]{2,5}[_-]|github_pat_|xox[a-z]-|AKIA|ASIA|AIza|AQ\.)/;

export function redactSecret(secret: string): string {
  if (secret.length <= 8) return '*'.repeat(secret.length);
  const prefix = secret.match(KNOWN_PREFIX)?.[0] ?? '';
  // Show at most a quarter of the secret in total, so short passwords stay unreadable.
  const budget = Math.floor(secret.length / 4);
  const head = prefix.length > 0 && prefix.length < budget ? prefix : secret.slice(0, Math.min(3, budget));
  const tailLength = Math.max(0, Math.min(4, budget - head.length));
  const tail = tailLength > 0 ? secret.slice(-tailLength) : '';
  return `${head}…${tail}`;
}
