import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEPENDENCY_FOLDERS } from '../build-output.js';
import { UsageError } from '../errors.js';

/** Characters that can make an argument a glob pattern; fast-glob then decides whether it is one. */
const GLOB_CHARACTERS = /[*?[\]{}]|[@!+]\(/;

/**
 * The absolute files and folders that the path arguments name. An argument that exists is taken
 * as it is, even with glob characters in its name; one that does not exist and is a glob pattern
 * (`"dist/**\/*.js"`) is expanded here with fast-glob, as ESLint and Prettier do, so an npm script
 * behaves the same on every shell, Windows `cmd` included. fast-glob is loaded only then.
 *
 * Globs match files, dot files too (keys hide in `.env.local`), never inside `.git` or a
 * dependency folder unless the pattern names it. A file a glob matches counts as named: scanned
 * whatever .gitignore says, like a file given by name.
 */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const expanded: string[] = [];
  for (const path of paths) {
    if (existsSync(path)) {
      expanded.push(resolve(path));
      continue;
    }
    const matches = GLOB_CHARACTERS.test(path) ? await expandGlob(path) : null;
    if (matches === null) throw new UsageError(`no such file or folder: ${path}`);
    if (matches.length === 0) throw new UsageError(`no files match ${path}`);
    expanded.push(...matches);
  }
  return expanded;
}

async function expandGlob(pattern: string): Promise<string[] | null> {
  const { default: glob } = await import('fast-glob');
  if (!glob.isDynamicPattern(pattern)) return null;
  const named = (folder: string) => pattern.split(/[/\\]/).includes(folder);
  const ignore = ['**/.git/**', ...DEPENDENCY_FOLDERS.filter((folder) => !named(folder)).map((folder) => `**/${folder}/**`)];
  const matches = await glob(pattern, { dot: true, onlyFiles: true, followSymbolicLinks: false, absolute: true, ignore });
  return matches.map((match) => resolve(match)).sort();
}
