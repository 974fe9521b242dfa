import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dirname } from 'node:path/posix';
import { ignoredByGit } from '../git/check-ignore.js';
import { projectLoadsDotenv } from './dotenv-usage.js';
import { gitignoreFor, ignoreEntry } from './ignore-entry.js';

/** The env files of a work tree that matter for its ignore rules; paths relative to it, forward slashes. */
export interface EnvInventory {
  worktree: string;
  /** Env files that exist or are tracked (not templates). */
  envFiles: readonly string[];
  /** Templates (`.env.example` …) that exist or are tracked; entries must keep them. */
  templates: readonly string[];
}

/** Lines to add to one .gitignore so that git ignores the env files listed in `uncovered`. */
export interface IgnorePlan {
  /** Relative to the work tree. */
  gitignore: string;
  /** False when the .gitignore has to be created. */
  exists: boolean;
  lines: string[];
  /** Env files no ignore rule covers today; empty when the plan is for a project that loads a .env file not yet created. */
  uncovered: string[];
}

export interface IgnoreAudit {
  plans: IgnorePlan[];
  /** Env files that no ignore rule covers. */
  uncovered: ReadonlySet<string>;
}

function folderOf(gitignore: string): string {
  const folder = dirname(gitignore);
  return folder === '.' ? '' : `${folder}/`;
}

/**
 * Which env files git's ignore rules leave uncovered (judged by git itself), and the lines that
 * would cover them, grouped by the .gitignore they belong in. A project that loads .env files
 * (dotenv …) but has none yet gets a plan for its top .gitignore when `.env` is not covered.
 */
export async function auditIgnoreRules(inventory: EnvInventory): Promise<IgnoreAudit> {
  const { worktree } = inventory;
  const covered = await ignoredByGit(worktree, inventory.envFiles);
  const uncovered = inventory.envFiles.filter((path) => !covered.has(path));
  const groups = new Map<string, string[]>();
  for (const path of uncovered) {
    const gitignore = gitignoreFor(worktree, path);
    groups.set(gitignore, [...(groups.get(gitignore) ?? []), path]);
  }
  if (inventory.envFiles.length === 0 && projectLoadsDotenv(worktree) && !(await ignoredByGit(worktree, ['.env'])).has('.env')) {
    groups.set('.gitignore', []);
  }
  const plans = [...groups].map(([gitignore, files]): IgnorePlan => {
    const folder = folderOf(gitignore);
    const inFolder = (path: string) => path.startsWith(folder);
    return {
      gitignore,
      exists: existsSync(join(worktree, gitignore)),
      lines: ignoreEntry(inventory.envFiles.filter(inFolder), inventory.templates.filter(inFolder)),
      uncovered: files,
    };
  });
  return { plans, uncovered: new Set(uncovered) };
}
