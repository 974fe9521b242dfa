import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expandTemplate } from '../../src/rules/template.js';

/** The sample projects in fixtures/, one folder each (see fixtures/README.md). */
export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures', import.meta.url));

const SUFFIX = '.tpl';

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function templateFiles(root: string, dir = ''): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    return entry.isDirectory() ? templateFiles(root, path) : [path];
  });
}

/**
 * Writes fixtures/NAME into `dir`: each `PATH.tpl` becomes `PATH` with its templates expanded,
 * seeded with `NAME/PATH` so every run lays out the same bytes. Returns the paths written, sorted.
 */
export function layOutFixture(name: string, dir: string): string[] {
  const root = join(FIXTURES_DIR, name);
  return templateFiles(root)
    .sort()
    .map((template) => {
      if (!template.endsWith(SUFFIX)) throw new Error(`fixtures/${name}/${template}: fixture files are templates named *${SUFFIX}`);
      const path = template.slice(0, -SUFFIX.length);
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), expandTemplate(readFileSync(join(root, template), 'utf8'), `${name}/${path}`));
      return path;
    });
}
