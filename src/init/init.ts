import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { applyFileEdits } from './file-edits.js';
import { planGitHook } from './git-hook.js';
import { planHuskyHook } from './husky.js';
import { InitError, displayPath } from './outcome.js';
import { openRepository } from './repository.js';

export interface InitOptions {
  /** Any directory inside the git work tree to set up. */
  cwd: string;
  /** Replace a pre-commit hook that is not keyguard's; it is kept as pre-commit.keyguard-backup and still runs. */
  force: boolean;
}

/**
 * `husky` when the folder init runs for (or one above it, up to the repository root) has a
 * package.json, otherwise a plain git hook.
 */
export type HookKind = 'husky' | 'git-hook';

export interface InitResult {
  /** 0 when the hook is installed (now or already), 2 when init could not install it. */
  exitCode: 0 | 2;
  /** Null when init failed before it could choose. */
  hookKind: HookKind | null;
  /** One line per file changed; empty when everything was already installed. */
  changes: string[];
  /** Next steps and warnings, e.g. "run npm install". */
  notes: string[];
  /** One line, set exactly when exitCode is 2. Nothing was changed in that case. */
  error: string | null;
}

/** Installs the pre-commit hook that runs `keyguard scan --staged`. Running it again changes nothing. */
export async function runInit(options: InitOptions): Promise<InitResult> {
  let hookKind: HookKind | null = null;
  try {
    const repository = await openRepository(options.cwd);
    const packageDir = nearestPackage(realpathSync(path.resolve(options.cwd)), repository.root);
    hookKind = packageDir !== null ? 'husky' : 'git-hook';
    const { edits, changes, notes } =
      packageDir !== null ? await planHuskyHook(repository, packageDir) : await planGitHook(repository, options.force);
    // A hooks folder outside the work tree (.git/hooks of a linked worktree, a global core.hooksPath) is git's own choice.
    await applyFileEdits(edits, [repository.root, repository.hooksDir], (filePath) => displayPath(repository.root, filePath));
    return { exitCode: 0, hookKind, changes, notes, error: null };
  } catch (error) {
    if (!(error instanceof InitError)) throw error;
    return { exitCode: 2, hookKind, changes: [], notes: [], error: error.message };
  }
}

/**
 * The npm package init was run for: the nearest folder from `cwd` up to the repository root that
 * has a package.json (`frontend/` in a monorepo whose root has none), or null for none.
 */
function nearestPackage(cwd: string, root: string): string | null {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (dir === root || path.dirname(dir) === dir || !dir.startsWith(root)) return null;
  }
}

/** The summary the CLI prints: to stdout when exitCode is 0, to stderr otherwise. */
export function formatInitResult(result: InitResult): string {
  if (result.error !== null) return `keyguard init: ${result.error}\n`;
  const kind = result.hookKind === 'husky' ? 'husky pre-commit hook' : 'git pre-commit hook';
  const headline =
    result.changes.length === 0
      ? `keyguard init: ${kind} already installed, nothing changed`
      : `keyguard init: installed the ${kind}`;
  const lines = [
    headline,
    ...result.changes.map((change) => `  ${change}`),
    ...result.notes.map((note) => `note: ${note}`),
  ];
  return `${lines.join('\n')}\n`;
}
