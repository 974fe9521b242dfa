import path from 'node:path';
import type { FileEdit } from './file-edits.js';
import { readIfExists } from './files.js';
import { huskyHookLine, LEGACY_HUSKY_HOOK_LINE, runsKeyguardScan } from './hook-command.js';
import type { InstallPlan } from './outcome.js';
import { addHuskyToPackageJson } from './package-json.js';
import type { Repository } from './repository.js';

/**
 * Plans the husky v9 hook: our line in `.husky/pre-commit` and husky in package.json.
 *
 * Git config is left alone. Husky's prepare script sets core.hooksPath=.husky/_ and writes the
 * wrappers in .husky/_ when `npm install` runs, and doing it here instead would point git at
 * wrappers that may not exist yet, which makes git skip every hook. So the hook is active right
 * away only when husky is already set up; otherwise the summary says to run npm install.
 */
export async function planHuskyHook(repository: Repository, packageDir: string = repository.root): Promise<InstallPlan> {
  const { root } = repository;
  // '' at the repository root; `frontend` for a package in a subfolder (monorepo).
  const packageFolder = path.relative(root, packageDir).split(path.sep).join('/');
  const shown = (name: string) => (packageFolder === '' ? name : `${packageFolder}/${name}`);
  const packageJsonPath = path.join(packageDir, 'package.json');
  const hookPath = path.join(packageDir, '.husky', 'pre-commit');
  const hookLine = huskyHookLine(packageFolder);

  const packageJsonText = (await readIfExists(packageJsonPath, shown('package.json'))) ?? '';
  const packageJsonEdit = addHuskyToPackageJson(packageJsonText, huskyCommand(packageFolder));
  const existingHook = await readIfExists(hookPath, shown('.husky/pre-commit'));
  const upgraded = existingHook === null ? null : upgradeLegacyLine(existingHook, hookLine);
  const hookNeedsLine = existingHook === null || !runsKeyguardScan(existingHook);

  // The hook first, package.json last: husky in package.json without the hook line would guard nothing.
  const edits: FileEdit[] = [];
  const packageJsonChanged = packageJsonEdit.text !== packageJsonText;
  const changes = packageJsonChanged ? packageJsonEdit.changes.map((change) => (packageFolder === '' ? change : `${packageFolder}/${change}`)) : [];
  if (hookNeedsLine) {
    // Executable so that husky v8 setups, where git runs .husky/pre-commit itself, run it too.
    edits.push({ kind: 'write', path: hookPath, content: addHookLine(existingHook ?? '', hookLine), executable: true });
    changes.push(`${shown('.husky/pre-commit')}: ${existingHook === null ? 'created, running' : 'added'} \`${hookLine}\``);
  } else if (upgraded !== null && upgraded !== existingHook) {
    edits.push({ kind: 'write', path: hookPath, content: upgraded });
    changes.push(`${shown('.husky/pre-commit')}: replaced \`${LEGACY_HUSKY_HOOK_LINE}\` with \`${hookLine}\`, which says "run npm install" when keyguard is missing`);
  }
  if (packageJsonChanged) edits.push({ kind: 'write', path: packageJsonPath, content: packageJsonEdit.text });

  const notes: string[] = [];
  if (packageFolder !== '') {
    notes.push(
      `the package is in ${packageFolder}/ of the git repository: its prepare script runs husky from the repository root (\`${huskyCommand(packageFolder)}\`) and the hook changes into ${packageFolder}/ before it runs keyguard, so commits from any folder are checked`,
    );
  }
  if (!packageJsonEdit.providesKeyguard) {
    notes.push('add keyguard to devDependencies (npm install --save-dev keyguard): the hook runs node_modules/.bin/keyguard and never downloads it');
  }
  if (!isHuskyActive(repository, packageDir)) {
    notes.push('run npm install: its prepare script runs husky, which points git at .husky/ (until then the hook does not run)');
  }
  return { edits, changes, notes };
}

function isHuskyActive({ root, hooksPath }: Repository, packageDir: string): boolean {
  if (hooksPath === null) return false;
  const hooksDir = path.resolve(root, hooksPath.value);
  // husky v9 points git at .husky/_, husky v8 at .husky itself.
  return hooksDir === path.join(packageDir, '.husky', '_') || hooksDir === path.join(packageDir, '.husky');
}

/**
 * husky installs from the git root only, so for a package in a subfolder its documented prepare
 * script goes up to the root and names the package's .husky folder.
 */
function huskyCommand(packageFolder: string): string {
  if (packageFolder === '') return 'husky';
  const up = packageFolder.split('/').map(() => '..').join('/');
  return `cd ${up} && husky ${packageFolder}/.husky`;
}

/** A hook that still has the old bare line gets the new one in its place, the rest kept. */
function upgradeLegacyLine(script: string, line: string): string {
  return script
    .split('\n')
    .map((current) => (current.replace(/\r$/, '').trim() === LEGACY_HUSKY_HOOK_LINE ? current.replace(LEGACY_HUSKY_HOOK_LINE, line) : current))
    .join('\n');
}

/**
 * Keeps every existing line; husky v9 hooks are plain shell, so a new file needs no shebang. The
 * line goes before the script's first top-level `exit` or `exec` (an unindented line starting with
 * one): a line after it would never run, and the commit would go through unchecked.
 */
export function addHookLine(script: string, line: string): string {
  const lines = script.split('\n');
  const stop = lines.findIndex((text) => /^(?:exit|exec)(?:\s|;|$)/.test(text.replace(/\r$/, '')));
  if (stop !== -1) return [...lines.slice(0, stop), line, ...lines.slice(stop)].join('\n');
  const separator = script === '' || script.endsWith('\n') ? '' : '\n';
  return `${script}${separator}${line}\n`;
}
