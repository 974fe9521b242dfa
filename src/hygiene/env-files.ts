import type { CommitInfo } from '../finding/finding.js';
import type { RawFinding } from '../finding/raw-finding.js';
import type { RuleInfo } from '../scan-result.js';
import { hygieneFinding } from './hygiene-finding.js';

/** Env-file templates document which variables exist; they are meant to be committed. */
const TEMPLATE_SUFFIXES = new Set(['example', 'sample', 'template', 'dist', 'defaults', 'schema', 'tpl', 'tmpl']);

/**
 * `.env`, `.env.local`, `.env.production`, `prod.env`, `.env.development.local` … at any depth,
 * but not templates such as `.env.example` (whose contents are still scanned for real keys).
 */
export function isEnvFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  let parts: string[];
  if (base === '.env' || base.startsWith('.env.')) parts = base.slice('.env'.length).split('.').filter(Boolean);
  else if (base.endsWith('.env') && base.length > '.env'.length) parts = base.slice(0, -'.env'.length).split('.').filter(Boolean);
  else return false;
  return !parts.some((part) => TEMPLATE_SUFFIXES.has(part.toLowerCase()));
}

export const ENV_FILE_RULES = {
  tracked: {
    id: 'env-file-tracked',
    name: 'Env file tracked by git',
    provider: 'Repository hygiene',
    severity: 'high',
    description: 'An environment file that holds secrets is tracked by git, so every clone and push carries it.',
    references: ['https://git-scm.com/docs/git-rm'],
    category: 'hygiene',
  },
  committed: {
    id: 'env-file-committed',
    name: 'Env file committed in history',
    provider: 'Repository hygiene',
    severity: 'high',
    description: 'An environment file was committed at some point; it stays in git history even after it is removed.',
    references: ['https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/removing-sensitive-data-from-a-repository'],
    category: 'hygiene',
  },
  staged: {
    id: 'env-file-staged',
    name: 'Env file staged for commit',
    provider: 'Repository hygiene',
    severity: 'high',
    description: 'An environment file is staged and would be committed.',
    references: ['https://git-scm.com/docs/git-restore'],
    category: 'hygiene',
  },
} as const satisfies Record<string, RuleInfo>;

const REMEDIES: Record<keyof typeof ENV_FILE_RULES, (path: string) => string> = {
  tracked: (path) =>
    `Stop tracking it with \`git rm --cached ${path}\`, add it to .gitignore, commit a ${path}.example without values instead, and rotate every key it held.`,
  committed: (path) =>
    `Rotate every key ${path} held first: removing the file does not remove it from history, and anyone with a clone has it. Then purge it (git filter-repo --invert-paths --path ${path}) and make sure .gitignore covers it.`,
  staged: (path) =>
    `Unstage it with \`git restore --staged ${path}\` and add it to .gitignore; commit a ${path}.example without values instead.`,
};

const MESSAGES: Record<keyof typeof ENV_FILE_RULES, (path: string) => string> = {
  tracked: (path) => `${path} is tracked by git.`,
  committed: (path) => `${path} was committed to git history.`,
  staged: (path) => `${path} is staged for commit.`,
};

/** A hygiene finding on an env file; it points at line 1 since the whole file is the problem. */
export function envFileFinding(kind: keyof typeof ENV_FILE_RULES, path: string, commit: CommitInfo | null = null): RawFinding {
  return hygieneFinding(ENV_FILE_RULES[kind], path, MESSAGES[kind](path), REMEDIES[kind](path), commit);
}
