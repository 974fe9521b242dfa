// The package as other code loads it: `import` and `require` by name (Node resolves a package's own
// name through its exports map), both builds scanning for real. Installing the packed tarball into a
// fresh project is checked by scripts/check-package.sh (.ci/run).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeKeys } from '../helpers/fake-keys.js';
import { makeTempDir, removeTestRepos } from '../helpers/git-repo.js';

afterAll(removeTestRepos);

const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

type Api = typeof import('../../src/index.js');

function folderWithKey(): string {
  const dir = makeTempDir('keyguard-exports-');
  writeFileSync(join(dir, 'config.js'), `export const apiKey = "${fakeKeys.openaiProject()}";\n`);
  return dir;
}

describe('the keyguard package', () => {
  it('loads with require() from the CommonJS bundle and scans', async () => {
    expect(require.resolve('keyguard')).toMatch(/dist[\\/]bundle[\\/]index\.cjs$/);
    const api: Api = require('keyguard');
    const result = await api.scan({ paths: [folderWithKey()] });
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['openai-project-key']);
    expect(api.formatReport(result, 'json', { color: false, verbose: false })).toContain('openai-project-key');
  });

  it('loads with import() from the ES module build and scans', async () => {
    const api: Api = await import('keyguard' as string);
    const result = await api.scan({ paths: [folderWithKey()] });
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['openai-project-key']);
  });

  it('exposes the JSON report schema, with an $id', () => {
    expect(require('keyguard/json-report.schema.json').$id).toEqual(expect.any(String));
  });

  it('has no install-time script, so installing it runs nothing and npm warns about nothing', () => {
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts).not.toHaveProperty(script);
    expect(manifest.scripts.prepack).toContain('npm run build');
    expect(manifest.files).toEqual(expect.arrayContaining(['bin', 'dist', 'LICENSE', 'docs/json-report.schema.json']));
    expect(manifest.files).not.toContain('rules');
  });
});
