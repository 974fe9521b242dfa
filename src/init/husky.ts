import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readIfExists } from './files.js';
import { HUSKY_HOOK_LINE, runsKeyguardScan } from './hook-command.js';
import type { InstallOutcome } from './outcome.js';
import { addHuskyToPackageJson } from './package-json.js';
import type { Repository } from './repository.js';

/**
 * Sets up the husky v9 hook: our line in `.husky/pre-commit` and husky in package.json.
 *
 * Git config is left alone. Husky's prepare script sets core.hooksPath=.husky/_ and writes the
 * wrappers in .husky/_ when `npm install` runs, and doing it here instead would point git at
 * wrappers that may not exist yet, which makes git skip every hook. So the hook is active right
 * away only when husky is already set up; otherwise the summary says to run npm install.
 */
export async function installHuskyHook(repository: Repository): Promise<InstallOutcome> {
  const { root } = repository;
  const packageJsonPath = path.join(root, 'package.json');
  const hookPath = path.join(root, '.husky', 'pre-commit');

  // Everything is worked out before anything is written, so an invalid package.json changes nothing.
  const packageJsonText = await readFile(packageJsonPath, 'utf8');
  const packageJsonEdit = addHuskyToPackageJson(packageJsonText);
  const existingHook = await readIfExists(hookPath);
  const hookNeedsLine = existingHook === null || !runsKeyguardScan(existingHook);

  const changes = [...packageJsonEdit.changes];
  if (packageJsonEdit.text !== packageJsonText) await writeFile(packageJsonPath, packageJsonEdit.text);
  if (hookNeedsLine) {
    await mkdir(path.dirname(hookPath), { recursive: true });
    // Executable so that husky v8 setups, where git runs .husky/pre-commit itself, run it too.
    await writeFile(hookPath, addHookLine(existingHook ?? '', HUSKY_HOOK_LINE), { mode: 0o755 });
    changes.push(`.husky/pre-commit: ${existingHook === null ? 'created, running' : 'added'} \`${HUSKY_HOOK_LINE}\``);
  }

  const notes: string[] = [];
  if (!packageJsonEdit.providesKeyguard) {
    notes.push('add keyguard to devDependencies (npm install --save-dev keyguard): the hook runs node_modules/.bin/keyguard and never downloads it');
  }
  if (!isHuskyActive(repository)) {
    notes.push('run npm install: its prepare script runs husky, which points git at .husky/ (until then the hook does not run)');
  }
  return { changes, notes };
}

function isHuskyActive({ root, hooksPath }: Repository): boolean {
  if (hooksPath === null) return false;
  const hooksDir = path.resolve(root, hooksPath.value);
  // husky v9 points git at .husky/_, husky v8 at .husky itself.
  return hooksDir === path.join(root, '.husky', '_') || hooksDir === path.join(root, '.husky');
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
