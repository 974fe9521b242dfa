import type { Candidate } from '../../../src/detect/filters/filter.js';

/**
 * A candidate as a generic rule would report it: the match runs from the start of the assigned
 * name (the line's first non-space) to the end of the secret.
 */
export function genericCandidate(line: string, secret: string, path = 'src/config.py'): Candidate {
  const start = line.lastIndexOf(secret);
  if (start < 0) throw new Error(`secret not on line: ${secret}`);
  const match = line.slice(0, start + secret.length).trimStart();
  return { secret, match, line, path, ruleId: 'generic-api-key', generic: true, category: 'secret' };
}

/** A candidate from a provider rule: the match is the key itself. */
export function providerCandidate(secret: string, line = `key = "${secret}"`, path = 'src/config.py'): Candidate {
  return { secret, match: secret, line, path, ruleId: 'openai-project-key', generic: false, category: 'secret' };
}

/**
 * A candidate from a rule whose match can span lines, such as a Kubernetes `name:`/`value:` pair:
 * the match is the whole text up to the end of the secret, the line the one the secret is on.
 */
export function structureCandidate(text: string, secret: string, path = 'k8s/deployment.yaml'): Candidate {
  const start = text.lastIndexOf(secret);
  if (start < 0) throw new Error(`secret not in text: ${secret}`);
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const lineEnd = text.indexOf('\n', start);
  const line = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  const match = text.slice(0, start + secret.length).trimStart();
  return { secret, match, line, path, ruleId: 'generic-secret-keyvalue', generic: true, category: 'secret' };
}
