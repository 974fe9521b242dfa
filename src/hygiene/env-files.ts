import type { CommitInfo } from '../finding/finding.js';
import type { RawFinding } from '../finding/raw-finding.js';
import type { RuleInfo } from '../scan-result.js';
import { hygieneFinding } from './hygiene-finding.js';

/** Env-file templates document which variables exist; they are meant to be committed. */
const TEMPLATE_SUFFIXES = new Set(['example', 'sample', 'template', 'dist', 'defaults', 'schema', 'tpl', 'tmpl']);

/**
 * The dot-separated parts of an env-shaped name besides `env` (`.env.local` → [local],
 * `prod.env` → [prod]), or null when the name is not env-shaped at all.
 */
function envNameParts(path: string): string[] | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base === '.env' || base.startsWith('.env.')) return base.slice('.env'.length).split('.').filter(Boolean);
  if (base.endsWith('.env') && base.length > '.env'.length) return base.slice(0, -'.env'.length).split('.').filter(Boolean);
  return null;
}

function isTemplateName(parts: readonly string[]): boolean {
  return parts.some((part) => TEMPLATE_SUFFIXES.has(part.toLowerCase()));
}

/**
 * `.env`, `.env.local`, `.env.production`, `prod.env`, `.env.development.local` … at any depth,
 * but not templates such as `.env.example` (whose contents are still scanned for real keys).
 */
export function isEnvFile(path: string): boolean {
  const parts = envNameParts(path);
  return parts !== null && !isTemplateName(parts);
}

/** `.env.example`, `.env.sample`, `example.env` …: committed on purpose, so ignore entries must keep them. */
export function isEnvTemplate(path: string): boolean {
  const parts = envNameParts(path);
  return parts !== null && isTemplateName(parts);
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
    `Run \`keyguard fix\`: it stops tracking the file with \`git rm --cached ${path}\` (the file stays on disk) and makes sure .gitignore covers it. Commit a ${path}.example without values instead, and rotate every key it held: git history still has them.`,
  committed: (path) =>
    `Rotate every key ${path} held first: removing the file does not remove it from history, and anyone with a clone has it. Then purge it (git filter-repo --invert-paths --path ${path}) and make sure .gitignore covers it.`,
  staged: (path) =>
    `Unstage it with \`git restore --staged ${path}\` and add it to .gitignore (\`keyguard fix\` does both); commit a ${path}.example without values instead.`,
};

/** A file HEAD already tracks cannot be "unstaged" back to untracked: it has to be removed from the index. */
const STAGED_TRACKED_REMEDY = (path: string) =>
  `It is already tracked: stop tracking it with \`git rm --cached ${path}\` (the file stays on disk; \`keyguard fix\` does this and the .gitignore entry), commit a ${path}.example without values instead, and rotate every key it held: git history still has them.`;

const MESSAGES: Record<keyof typeof ENV_FILE_RULES, (path: string) => string> = {
  tracked: (path) => `${path} is tracked by git.`,
  committed: (path) => `${path} was committed to git history.`,
  staged: (path) => `${path} is staged for commit.`,
};

/** A hygiene finding on an env file; it points at line 1 since the whole file is the problem. */
export function envFileFinding(kind: keyof typeof ENV_FILE_RULES, path: string, commit: CommitInfo | null = null): RawFinding {
  return hygieneFinding(ENV_FILE_RULES[kind], path, MESSAGES[kind](path), REMEDIES[kind](path), commit);
}

/** A staged env file that HEAD already tracks (a modification, not an addition). */
export function stagedTrackedEnvFileFinding(path: string): RawFinding {
  return hygieneFinding(ENV_FILE_RULES.staged, path, `${path} is tracked and a change to it is staged for commit.`, STAGED_TRACKED_REMEDY(path));
}

/**
 * A tracked env file that no ignore rule covers either: one finding with both facts and one fix,
 * rather than a "tracked" and a "not ignored" finding for the same file.
 */
export function trackedUncoveredEnvFileFinding(path: string, gitignore: string, entry: string): RawFinding {
  return hygieneFinding(
    ENV_FILE_RULES.tracked,
    path,
    `${path} is tracked by git and no ignore rule covers it.`,
    `Run \`keyguard fix\`: it stops tracking the file with \`git rm --cached ${path}\` (the file stays on disk) and adds ${entry} to ${gitignore}. Commit a ${path}.example without values instead, and rotate every key it held: git history still has them.`,
  );
}
