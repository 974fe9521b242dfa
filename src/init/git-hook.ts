import { access, chmod, constants, mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathExists, readIfExists } from './files.js';
import { runsKeyguardScan } from './hook-command.js';
import { InitError, displayPath, type InstallOutcome } from './outcome.js';
import type { Repository } from './repository.js';

/** Where `--force` moves a pre-commit hook that is not ours; our hook still runs it first. */
export const BACKUP_HOOK_NAME = 'pre-commit.keyguard-backup';

/**
 * A plain git hook, for repositories without a package.json. There is no project-local install
 * to rely on, so it runs the keyguard on PATH, and refuses the commit with a hint when there is
 * none: a secret guard that silently passes when it is missing would guard nothing.
 */
export const GIT_HOOK_SCRIPT = `#!/bin/sh
# keyguard pre-commit hook, installed by \`keyguard init\`.
# Refuses commits whose staged changes contain secrets; bypass once with \`git commit --no-verify\`.

# The hook that was here before (kept by \`keyguard init --force\`) still runs, and runs first.
previous_hook="$(dirname "$0")/${BACKUP_HOOK_NAME}"
if [ -x "$previous_hook" ]; then
  "$previous_hook" "$@" || exit $?
fi

if ! command -v keyguard >/dev/null 2>&1; then
  echo "keyguard is not on PATH, so this commit was not checked: install it (npm install --global keyguard) or bypass once with git commit --no-verify" >&2
  exit 1
fi
exec keyguard scan --staged
`;

/**
 * Installs GIT_HOOK_SCRIPT as `pre-commit` in the directory git runs hooks from (core.hooksPath
 * when set). A hook that already runs keyguard is left as it is. Any other hook is never
 * overwritten: without `force` init stops; with it the hook is renamed to BACKUP_HOOK_NAME,
 * which ours chains to, so the user loses neither the file nor what it does.
 */
export async function installGitHook(repository: Repository, force: boolean): Promise<InstallOutcome> {
  const { root, hooksDir } = repository;
  const hookPath = path.join(hooksDir, 'pre-commit');
  const backupPath = path.join(hooksDir, BACKUP_HOOK_NAME);
  const shown = (filePath: string) => displayPath(root, filePath);
  const changes: string[] = [];
  const notes = [...hooksPathNotes(repository), ...(await keyguardOnPathNotes())];

  const existingHook = await readIfExists(hookPath);
  if (existingHook !== null && runsKeyguardScan(existingHook)) {
    if (!(await isExecutable(hookPath))) {
      // Git ignores a hook without the executable bit, so "already installed" would be untrue.
      await chmod(hookPath, 0o755);
      changes.push(`${shown(hookPath)}: made executable`);
    }
    return { changes, notes };
  }

  if (existingHook !== null) {
    if (!force) {
      throw new InitError(
        `${shown(hookPath)} exists and does not run keyguard; rerun with --force to keep it as ${BACKUP_HOOK_NAME}, which the keyguard hook runs first`,
      );
    }
    if (await pathExists(backupPath)) {
      throw new InitError(`${shown(backupPath)} already exists, so ${shown(hookPath)} cannot be kept there; move one of them away, then rerun`);
    }
    await rename(hookPath, backupPath);
    changes.push(`${shown(hookPath)}: moved to ${shown(backupPath)} (it still runs, before keyguard)`);
  }

  await mkdir(hooksDir, { recursive: true });
  await writeFile(hookPath, GIT_HOOK_SCRIPT, { mode: 0o755 });
  // The mode passed to writeFile is filtered through the umask.
  await chmod(hookPath, 0o755);
  changes.push(`${shown(hookPath)}: installed the keyguard pre-commit hook`);
  return { changes, notes };
}

function hooksPathNotes({ hooksPath, hooksDir }: Repository): string[] {
  if (hooksPath === null || hooksPath.scope === 'local' || hooksPath.scope === 'worktree') return [];
  return [`core.hooksPath comes from your ${hooksPath.scope} git config, so ${hooksDir}/pre-commit runs in every repository that uses it`];
}

async function keyguardOnPathNotes(): Promise<string[]> {
  const searchPath = (process.env['PATH'] ?? '').split(path.delimiter).filter((directory) => directory !== '');
  for (const directory of searchPath) {
    if (await isExecutable(path.join(directory, 'keyguard'))) return [];
  }
  return ['keyguard is not on PATH, so the hook will refuse every commit: install it with npm install --global keyguard'];
}

async function isExecutable(filePath: string): Promise<boolean> {
  return access(filePath, constants.X_OK).then(() => true, () => false);
}
