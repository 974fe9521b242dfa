import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES_DIR, loadRuleDirectory } from '../../src/rules/load.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

describe('the npm package', () => {
  it('ships the rule snapshot and no rule examples: neither rules/*.yaml nor fixtures/', () => {
    // --ignore-scripts: `npm test` has built dist/ already; listing must not rebuild it.
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO, encoding: 'utf8' });
    expect(pack.status).toBe(0);
    const files = (JSON.parse(pack.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((file) => file.path);
    expect(files).toContain('dist/rules.json');
    // The keyword automaton made for those rules at build time (src/detect/keyword-table.ts).
    expect(files).toContain('dist/keyword-table.bin');
    expect(files).toContain('bin/keyguard.js');
    // bin/ is CommonJS (bin/package.json), the CLI one bundle; the code cache a local run leaves
    // next to it is made again on the user's machine, never shipped.
    expect(files).toEqual(expect.arrayContaining(['bin/package.json', 'dist/bundle/keyguard.cjs', 'dist/bundle/worker.js']));
    expect(files.filter((path) => path.endsWith('.cache'))).toEqual([]);
    expect(files.filter((path) => path.startsWith('rules/') || path.startsWith('fixtures/') || path.startsWith('test/'))).toEqual([]);
  });

  it('has a dist/rules.json with every rule and without examples', async () => {
    const snapshot = JSON.parse(readFileSync(join(REPO, 'dist', 'rules.json'), 'utf8')) as Array<Record<string, unknown>>;
    const source = await loadRuleDirectory(BUILTIN_RULES_DIR);
    expect(snapshot.map((rule) => rule.id)).toEqual(source.map((rule) => rule.id));
    expect(snapshot.filter((rule) => 'examples' in rule || 'negativeExamples' in rule)).toEqual([]);
    expect(snapshot[0]).toMatchObject({ id: source[0]!.id, pattern: source[0]!.pattern, keywords: source[0]!.keywords });
  });
});
