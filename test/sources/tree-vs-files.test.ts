import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/rules/template.js';
import { makeTempDir, removeTestRepos, writeFileIn } from '../helpers/git-repo.js';

afterAll(removeTestRepos);

// The built package, as other code loads it: it reads the compiled rule snapshot, where the
// sources would parse every rule file again for each of the many scans below.
const { scan } = (await import('keyguard')) as typeof import('../../src/index.js');

/**
 * Scanning a tree finds what scanning each of its files alone finds, no more and no less: no
 * finding depends on which other files share the scan (dedupe, suppression and ranking are per
 * file). Random files in a folder outside git, random text with keys planted at random places;
 * the comparison is the multiset of (absolute path, line, column, rule).
 */
describe('a tree scan equals its files scanned one by one', () => {
  const PATHS = ['a.txt', 'src/app.js', 'docs/guide.md', 'config/.env', 'deep/er/x.py', 'b.json', 'notes', 'test/fixture.txt', 'README.md'];
  // Split with {{}} so no key-shaped literal sits in this file.
  const KEY_TEMPLATES = ['{{checksummed ghp_}}', 'AK{{}}IA{{base32 16}}', 'sk-{{}}proj-{{urlsafe 74}}T3Blbk{{}}FJ{{urlsafe 74}}'];
  const key = fc.tuple(fc.constantFrom(...KEY_TEMPLATES), fc.string({ maxLength: 8 })).map(([template, seed]) => expandTemplate(template, seed));
  const word = fc.constantFrom('lorem', 'ipsum', 'token', 'password', 'api_key', '=', ':', '"', "'", ' ', ' ', '\n', '\r\n', '\t', 'é', '#', '//', 'example');
  const piece = fc.oneof({ weight: 6, arbitrary: word.map((text) => ({ text, key: false })) }, { weight: 1, arbitrary: key.map((text) => ({ text, key: true })) });
  const file = fc.array(piece, { maxLength: 40 });
  const tree = fc.uniqueArray(fc.tuple(fc.constantFrom(...PATHS), file), { minLength: 1, maxLength: 4, selector: ([path]) => path });

  type Row = string;
  const rows = (result: Awaited<ReturnType<typeof scan>>): Row[] =>
    result.findings.map((finding) => `${resolve(result.root, finding.file)}:${finding.line}:${finding.column} ${finding.ruleId}`).sort();

  it('finds the same (path, line, column, rule) multiset, planted keys included', async () => {
    const cwd = process.cwd();
    try {
      await fc.assert(
        fc.asyncProperty(tree, async (files) => {
          const dir = makeTempDir('keyguard-tree-');
          // A key stands alone between spaces, so each planted key is one finding of its own.
          const contents = files.map(([path, pieces]) => [path, pieces.map((part) => (part.key ? ` ${part.text} ` : part.text)).join('')] as const);
          for (const [path, content] of contents) writeFileIn(dir, path, content);

          const wholeResult = await scan({ paths: [dir], config: false, showSecrets: true });
          const whole = rows(wholeResult);
          // Each file alone, named from inside the folder (the root is then the current folder).
          process.chdir(dir);
          const alone: Row[] = [];
          for (const [path] of contents) alone.push(...rows(await scan({ paths: [path], config: false })));
          process.chdir(cwd);
          expect(whole).toEqual(alone.sort());

          const found = new Set(wholeResult.findings.map((finding) => finding.secret));
          for (const [, pieces] of files) for (const part of pieces) if (part.key) expect(found).toContain(part.text);
        }),
        { numRuns: 15 },
      );
    } finally {
      process.chdir(cwd);
    }
  });
});
