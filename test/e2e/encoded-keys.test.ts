import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fakeKeys } from '../helpers/fake-keys.js';
import { makeTempDir, removeTestRepos } from '../helpers/git-repo.js';

/** Keys behind an encoding, end to end: the built CLI, its reports and its worker pool. */
afterEach(removeTestRepos);

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

function write(root: string, path: string, content: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), content);
}

function k8sSecret(key: string): string {
  return `apiVersion: v1\nkind: Secret\nmetadata:\n  name: llm\ndata:\n  OPENAI_API_KEY: ${b64(key)}\n`;
}

describe('keyguard scan, keys behind an encoding', () => {
  it('reports a base64 key at the encoded value and names the decoding, in JSON and text', () => {
    const root = makeTempDir('keyguard-encoded-');
    write(root, 'k8s/secret.yaml', k8sSecret(fakeKeys.openaiProject()));

    const json = runCli(['scan', '.', '--format', 'json'], { cwd: root });
    expect(json.code).toBe(1);
    const [finding] = JSON.parse(json.stdout).findings;
    expect(finding).toMatchObject({ ruleId: 'openai-project-key', file: 'k8s/secret.yaml', line: 6, column: 19, decodedFrom: 'base64' });

    const text = runCli(['scan', '.', '--no-color'], { cwd: root });
    expect(text.stdout).toContain('(base64 → openai-project-key)');
  });

  it('finds them the same way when the scan is large enough for worker threads', () => {
    const root = makeTempDir('keyguard-encoded-');
    // Over the 4 MB the engine scans inline, in files that hold keywords, so workers do the work.
    const filler = `const apiKeyName = "not a secret";\n${'x'.repeat(1023)}\n`.repeat(512);
    for (let index = 0; index < 10; index++) write(root, `src/filler-${index}.js`, filler);
    write(root, 'k8s/secret.yaml', k8sSecret(fakeKeys.openaiProject()));
    write(root, 'config/appsettings.json', `{"Aws":{"AccessKeyId":"${fakeKeys.awsAccessKeyId()}","aws_secret_access_key":"${'A1b2C3d4E5'}\\u002B${'f6G7h8I9j0K1l2M3n4O5'}\\/${'p6Q7r8S9'}"}}\n`);

    const run = runCli(['scan', '.', '--format', 'json'], { cwd: root });
    const findings = JSON.parse(run.stdout).findings as Array<{ ruleId: string; file: string; decodedFrom: string | null }>;
    expect(findings.map((finding) => `${finding.file} ${finding.ruleId} ${finding.decodedFrom}`).sort()).toEqual([
      'config/appsettings.json aws-access-key-id null',
      'config/appsettings.json aws-secret-access-key json-escape',
      'k8s/secret.yaml openai-project-key base64',
    ]);
  });
});
