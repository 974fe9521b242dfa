import { describe, expect, it } from 'vitest';
import { Detector } from '../../src/detect/detector.js';
import type { RawFinding } from '../../src/finding/raw-finding.js';
import { compileRules } from '../../src/rules/compile.js';
import { BUILTIN_RULES_DIR, loadRuleDirectory } from '../../src/rules/load.js';
import { fakeKeys, randomFrom } from '../helpers/fake-keys.js';

/**
 * Keys behind an encoding layer: JSON string escapes, base64 (Kubernetes Secrets, docker auths,
 * .npmrc, HTTP Basic, secret-like names) and URL encoding. Each is found with the rule that finds
 * the plain key, at the encoded text, with the decoding named.
 */
const detector = new Detector(compileRules(await loadRuleDirectory(BUILTIN_RULES_DIR)));

function scan(path: string, text: string): RawFinding[] {
  return detector.detect({ path, content: Buffer.from(text, 'utf8') });
}

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
/** Where `needle` starts in `text`, as the 1-based line and column a finding reports. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const before = text.slice(0, text.indexOf(needle));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}
const BASE64_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** An AWS-style secret key that holds a `+` and a `/`, the characters JSON and URL encoders escape. */
const awsSecret = (): string => `${randomFrom(BASE64_CHARS, 12)}+${randomFrom(BASE64_CHARS, 13)}/${randomFrom(BASE64_CHARS, 13)}`;

describe('JSON string escapes', () => {
  it('reads \\u002B (System.Text.Json) inside a key, at the escaped text', () => {
    const secret = awsSecret();
    const escaped = secret.replace('+', '\\u002B').replace('/', '\\u002F');
    const text = `{\n  "Aws": {\n    "AccessKeyId": "${fakeKeys.awsAccessKeyId()}",\n    "aws_secret_access_key": "${escaped}"\n  }\n}\n`;
    const found = scan('appsettings.json', text).find((finding) => finding.ruleId === 'aws-secret-access-key');
    expect(found).toMatchObject({ rawSecret: secret, decodedFrom: 'json-escape', ...positionOf(text, escaped) });
    expect(found!.endColumn - found!.column).toBe(escaped.length);
  });

  it('reads \\u003d (Gson) at the end of a value under a secret name', () => {
    const value = `${randomFrom(BASE64_CHARS, 30)}==`;
    const text = `{"client_secret":"${value.replace(/=/g, '\\u003d')}","name":"app"}`;
    expect(scan('config.json', text)).toMatchObject([{ ruleId: 'generic-secret-assignment', rawSecret: value, decodedFrom: 'json-escape', column: 19 }]);
  });

  it('reads a one-line PEM written by PHP json_encode (\\/ and \\n)', () => {
    const body = Array.from({ length: 6 }, () => `${randomFrom(BASE64_CHARS, 30)}/${randomFrom(BASE64_CHARS, 33)}`).join('\\n').replace(/\//g, '\\/');
    const text = `{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----\\n${body}\\n-----END PRIVATE KEY-----\\n"}`;
    const [finding] = scan('key.json', text);
    expect(finding).toMatchObject({ ruleId: 'private-key', line: 1, column: text.indexOf('-----BEGIN') + 1 });
    expect(finding!.rawSecret).toContain('-----END PRIVATE KEY-----');
  });

  it('reports a key once when the string it is in also holds escapes elsewhere', () => {
    const key = fakeKeys.openaiProject();
    const found = scan('notes.json', `{"note":"see https:\\/\\/platform.openai.com\\/keys: ${key}"}`);
    expect(found).toMatchObject([{ ruleId: 'openai-project-key', rawSecret: key, decodedFrom: null }]);
  });

  it('leaves escaped text that hides no key alone', () => {
    expect(scan('bundle.js', `var re=/^https?:\\/\\/[a-z]+\\/x/;var s="a\\u003d\\u0026b\\/c";`)).toEqual([]);
  });
});

describe('base64', () => {
  it('decodes every data value of a Kubernetes Secret', () => {
    const key = fakeKeys.openaiProject();
    const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: llm\ntype: Opaque\ndata:\n  model: ${b64('gpt-4o-mini')}\n  llm-credentials: ${b64(key)}\n`;
    const [finding, ...rest] = scan('k8s/llm-secret.yaml', text);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'openai-project-key', rawSecret: key, decodedFrom: 'base64', line: 8, column: 20 });
    expect(finding!.message).toContain('base64');
  });

  it('decodes a .dockerconfigjson whose auths hold user:token in base64 again (depth 2)', () => {
    const token = fakeKeys.github();
    const config = JSON.stringify({ auths: { 'ghcr.io': { auth: b64(`octocat:${token}`) } } });
    const text = `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: ${b64(config)}\n`;
    expect(scan('k8s/pull-secret.yaml', text)).toMatchObject([{ ruleId: 'github-pat', rawSecret: token, decodedFrom: 'base64 → base64', line: 5 }]);
  });

  it('decodes a Kubernetes Secret written as JSON', () => {
    const key = fakeKeys.anthropic();
    const text = JSON.stringify({ apiVersion: 'v1', kind: 'Secret', data: { 'llm.conf': b64(`provider=anthropic\nkey=${key}\n`) } });
    expect(scan('k8s/secret.json', text)).toMatchObject([{ ruleId: 'anthropic-api-key', rawSecret: key, decodedFrom: 'base64' }]);
  });

  it('decodes docker config.json auths', () => {
    const token = fakeKeys.github();
    const text = JSON.stringify({ auths: { 'ghcr.io': { auth: b64(`octocat:${token}`) } } }, null, 2);
    expect(scan('.docker/config.json', text)).toMatchObject([{ ruleId: 'github-pat', rawSecret: token, decodedFrom: 'base64', line: 4 }]);
  });

  it('decodes .npmrc _auth and HTTP Basic credentials', () => {
    const npm = `npm_${randomFrom(BASE64_CHARS, 36)}`;
    const github = fakeKeys.github();
    const npmrc = `registry=https://registry.example.com/\n_auth=${b64(`ci:${npm}`)}\n`;
    const curl = `curl -H "Authorization: Basic ${b64(`x-access-token:${github}`)}" https://api.example.com`;
    expect(scan('.npmrc', npmrc)).toMatchObject([{ ruleId: 'npm-access-token', rawSecret: npm, decodedFrom: 'base64', line: 2, column: 7 }]);
    expect(scan('deploy.sh', curl)).toMatchObject([{ ruleId: 'github-pat', rawSecret: github, decodedFrom: 'base64' }]);
  });

  it('decodes a base64 value under a secret-like name, covering the whole value', () => {
    const anthropic = fakeKeys.anthropic();
    const encoded = b64(anthropic);
    expect(scan('.env', `ANTHROPIC_KEY_B64=${encoded}\n`)).toMatchObject([
      { ruleId: 'anthropic-api-key', rawSecret: anthropic, decodedFrom: 'base64', column: 19, endColumn: 19 + encoded.length },
    ]);
  });

  it('scans decoded configuration with the generic rules, which see the names inside it', () => {
    const password = `${randomFrom(BASE64_CHARS, 10)}!${randomFrom(BASE64_CHARS, 8)}`;
    const env = `DB_HOST=db.internal\nDB_PASSWORD=${password}\n`;
    const found = scan('k8s/app.yaml', `kind: Secret\ndata:\n  app.env: ${b64(env)}\n`);
    expect(found).toMatchObject([{ ruleId: 'generic-password-unquoted', rawSecret: password, decodedFrom: 'base64', line: 3 }]);
  });

  it('leaves base64 that decodes to binary or harmless text alone', () => {
    expect(scan('config.yaml', `signing_key_id: ${randomFrom(BASE64_CHARS, 44)}\nkind: Secret\ndata:\n  greeting: ${b64('hello there, world')}\n`)).toEqual([]);
  });
});

describe('URL encoding', () => {
  it('decodes %2B %2F %3D in a form body or a query', () => {
    const secret = awsSecret();
    const encoded = encodeURIComponent(secret);
    const text = `curl -d "aws_access_key_id=${fakeKeys.awsAccessKeyId()}&aws_secret_access_key=${encoded}" https://sts.example.com`;
    const found = scan('deploy.sh', text).find((finding) => finding.ruleId === 'aws-secret-access-key');
    expect(found).toMatchObject({ rawSecret: secret, decodedFrom: 'url-encoding', ...positionOf(text, encoded) });
  });
});

describe('findings from workers', () => {
  it('survive a structured clone with the decoding named', () => {
    const key = fakeKeys.openaiProject();
    const [finding] = scan('k8s/secret.yaml', `kind: Secret\ndata:\n  OPENAI_API_KEY: ${b64(key)}\n`);
    expect(structuredClone(finding)).toEqual(finding);
    expect(finding!.decodedFrom).toBe('base64');
  });
});
