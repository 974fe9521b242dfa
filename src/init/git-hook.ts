import { access, constants, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathExists, readIfExists } from './files.js';
import { runsKeyguardScan } from './hook-command.js';
import type { FileEdit } from './file-edits.js';
import { InitError, displayPath, type InstallPlan } from './outcome.js';
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
 * Plans GIT_HOOK_SCRIPT as `pre-commit` in the directory git runs hooks from (core.hooksPath
 * when set). A hook that already runs keyguard is left as it is. Any other hook is never
 * overwritten: without `force` init stops; with it the hook is renamed to BACKUP_HOOK_NAME,
 * which ours chains to, so the user loses neither the file nor what it does.
 */
export async function planGitHook(repository: Repository, force: boolean): Promise<InstallPlan> {
  const { root, hooksDir } = repository;
  const hookPath = path.join(hooksDir, 'pre-commit');
  const backupPath = path.join(hooksDir, BACKUP_HOOK_NAME);
  const shown = (filePath: string) => displayPath(root, filePath);
  await assertHooksFolder(repository);
  const notes = [...hooksPathNotes(repository), ...(await keyguardOnPathNotes())];

  const existingHook = await readIfExists(hookPath, shown(hookPath));
  if (existingHook !== null && runsKeyguardScan(existingHook)) {
    // Git ignores a hook without the executable bit, so "already installed" would be untrue.
    if (await isExecutable(hookPath)) return { edits: [], changes: [], notes };
    return { edits: [{ kind: 'make-executable', path: hookPath }], changes: [`${shown(hookPath)}: made executable`], notes };
  }

  const edits: FileEdit[] = [];
  const changes: string[] = [];
  if (existingHook !== null) {
    if (!force) {
      throw new InitError(
        `${shown(hookPath)} exists and does not run keyguard; rerun with --force to keep it as ${BACKUP_HOOK_NAME}, which the keyguard hook runs first`,
      );
    }
    if (await pathExists(backupPath)) {
      throw new InitError(`${shown(backupPath)} already exists, so ${shown(hookPath)} cannot be kept there; move one of them away, then rerun`);
    }
    edits.push({ kind: 'move', from: hookPath, to: backupPath });
    changes.push(`${shown(hookPath)}: moved to ${shown(backupPath)} (it still runs, before keyguard)`);
  }
  edits.push({ kind: 'write', path: hookPath, content: GIT_HOOK_SCRIPT, executable: true });
  changes.push(`${shown(hookPath)}: installed the keyguard pre-commit hook`);
  return { edits, changes, notes };
}

/**
 * core.hooksPath may name something that is not a folder: /dev/null, a common way to turn hooks
 * off, or a file. Git then runs no hooks at all, so installing one there is impossible and useless.
 */
async function assertHooksFolder({ hooksDir, hooksPath }: Repository): Promise<void> {
  const stats = await stat(hooksDir).catch(() => null);
  if (stats === null || stats.isDirectory()) return;
  const setting = hooksPath === null ? 'the hooks folder' : `core.hooksPath (${hooksPath.value}, from your ${hooksPath.scope} git config)`;
  throw new InitError(
    `${setting} is not a folder, so git runs no hooks in this repository; point it at a folder or unset it (git config --unset core.hooksPath), then rerun`,
  );
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
