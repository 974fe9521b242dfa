import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { acmeRule } from '../helpers/custom-rule.js';
import { makeTempDir, removeTestRepos } from '../helpers/git-repo.js';

afterAll(removeTestRepos);

// recheck is a development dependency of keyguard, so it is installed here: `rules check` runs it.
describe('keyguard rules check: the ReDoS check of custom rules', () => {
  it('names a custom rule whose pattern takes super-linear time, with an attack, and exits 1', () => {
    const dir = makeTempDir();
    const slow = acmeRule({ id: 'acme-config', keywords: ['acmecfg'], pattern: 'acmecfg\\s*=\\s*\\{?\\s*(\\w{8,})', examples: ['acmecfg = { Zq8vK2mT'], negativeExamples: ['acmecfg ='] });
    writeFileSync(join(dir, 'keyguard.config.json'), JSON.stringify({ rules: [acmeRule(), slow] }));
    const run = runCli(['rules', 'check'], { cwd: dir });
    expect(run.stdout).toMatch(/^FAIL acme-config: pattern takes 2nd degree polynomial time on input such as .+$/m);
    expect(run.stdout).toContain('ReDoS check (recheck): 1 of 2 pattern(s) linear, 1 super-linear');
    expect(run.code).toBe(1);
  });
});
