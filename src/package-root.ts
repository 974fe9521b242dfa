import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding keyguard's package.json, found upwards from the running module. One answer
 * for every layout the code runs in: src/ (tests), dist/ (the library build) and dist/bundle/ (the
 * CLI bundle, where every module shares the bundle chunk's URL).
 */
function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`keyguard: no package.json above ${start}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
