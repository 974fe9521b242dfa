import type { Candidate, Filter } from './filter.js';
import { isPathOrUrl } from './path-or-url.js';
import { readsAsWords } from './word-shape.js';

/**
 * Names that services generate for resources: a readable name and a short random suffix that only
 * makes it unique, as AWS Secrets Manager (`MyTestDatabaseSecret-a1b2c3`), Kubernetes
 * (`db-credentials-2mn838wk`) and cloud consoles create them, often for the very secrets they name.
 * Five to eight random characters are far too few for a credential, and the rest is words or a
 * path of words (`myorg/myuser/ALL.SOURCE.ORACLE_12-A1B2C3`).
 */
const NAME_AND_SUFFIX = /^(.+)-([A-Za-z0-9]{5,8})$/;

export function isGeneratedResourceName(value: string): boolean {
  const [, name, suffix] = NAME_AND_SUFFIX.exec(value) ?? [];
  if (name === undefined || suffix === undefined) return false;
  const looksGenerated = /[0-9]/.test(suffix) && /[A-Za-z]/.test(suffix);
  return looksGenerated && (readsAsWords(name) || isPathOrUrl(name));
}

export const resourceNameFilter: Filter = {
  name: 'resource-name',
  description:
    'Drops generated resource names, words with a short random suffix (`MySecret-a1b2c3`, `db-credentials-2mn838wk`), as secret managers and Kubernetes name things.',
  appliesTo: 'generic',
  matches: (candidate: Candidate) => isGeneratedResourceName(candidate.secret),
};
