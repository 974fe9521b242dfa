import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../../src/detect/filters/filter.js';
import { FILTERS, findDroppingFilter } from '../../../src/detect/filters/index.js';
import { randomKeys, randomProviderKeys } from '../random-keys.js';
import { genericCandidate, providerCandidate } from './candidates.js';

describe('FILTERS', () => {
  it('have unique kebab-case names and one-sentence descriptions', () => {
    const names = FILTERS.map((filter) => filter.name);
    expect(new Set(names).size).toBe(names.length);
    for (const filter of FILTERS) {
      expect(filter.name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(filter.description).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('run the statistical judgement last', () => {
    expect(FILTERS.at(-1)!.name).toBe('low-entropy');
  });
});

describe('findDroppingFilter', () => {
  it('applies generic filters to generic rules only', () => {
    const uuid = crypto.randomUUID();
    expect(findDroppingFilter(genericCandidate(`tenant_key = "${uuid}"`, uuid))?.name).toBe('uuid');
    expect(findDroppingFilter(providerCandidate(uuid))).toBeUndefined();
  });

  it('keeps provider keys in lock files and in words-like places', () => {
    const [key] = randomProviderKeys(1);
    expect(findDroppingFilter(providerCandidate(key!, `"resolved": "${key}"`, 'package-lock.json'))).toBeUndefined();
    expect(findDroppingFilter(providerCandidate(key!, `password_hash = "${key}"`))).toBeUndefined();
  });

  it('applies placeholder and repeated-or-sequential filters to provider keys', () => {
    expect(findDroppingFilter(providerCandidate(`sk-proj-${'x'.repeat(20)}`))?.name).toBe('placeholder');
    expect(findDroppingFilter(providerCandidate('AKIA0000000000000000'))?.name).toBe('repeated-or-sequential');
  });

  describe('risky-code rules', () => {
    const riskyCode = (line: string, secret: string): Candidate => ({
      ...genericCandidate(line, secret, 'src/client.ts'),
      generic: false,
      category: 'risky-code',
      ruleId: 'openai-dangerously-allow-browser',
    });

    it('are dropped by no filter, since they are code and not secrets', () => {
      // Joined at run time, so this test file is not itself a finding of the rule.
      const setting = ['dangerouslyAllowBrowser', 'true'].join(': ');
      const line = `const example = new OpenAI({ ${setting}, apiKey: "\${KEY}" });`;
      expect(findDroppingFilter(riskyCode(line, setting))).toBeUndefined();
    });
  });
});

/**
 * The filters together, on the kinds of lines a scan meets: every real-looking key stays and every
 * look-alike goes. Keys are generated; the look-alikes are what the filters exist to drop.
 */
describe('the filters together', () => {
  const places: Array<[path: string, line: (key: string) => string]> = [
    ['.env', (key) => `PAYMENTS_API_KEY=${key}`],
    ['.env.production', (key) => `API_SECRET="${key}"`],
    ['config.py', (key) => `API_KEY = "${key}"`],
    ['settings.py', (key) => `SECRET_KEY = '${key}'`],
    ['src/app.js', (key) => `const apiKey = "${key}";`],
    ['src/app.ts', (key) => `  apiKey: '${key}',`],
    ['src/client.tsx', (key) => `const token = \`${key}\`;`],
    ['config.yaml', (key) => `api_key: ${key}`],
    ['config.yml', (key) => `  secret: "${key}"`],
    ['config.json', (key) => `  "api_key": "${key}",`],
    ['config.toml', (key) => `api_key = "${key}"`],
    ['app.properties', (key) => `app.secret.key=${key}`],
    ['settings.ini', (key) => `password = ${key}`],
    ['README.md', (key) => `export API_TOKEN=${key}`],
    ['index.html', (key) => `<script>const token = "${key}";</script>`],
    ['Main.java', (key) => `String apiKey = "${key}";`],
    ['main.go', (key) => `const apiKey = "${key}"`],
    ['app.rb', (key) => `API_KEY = '${key}'`],
    ['index.php', (key) => `$apiKey = '${key}';`],
    ['Program.cs', (key) => `var apiKey = "${key}";`],
    ['main.rs', (key) => `let api_key = "${key}";`],
    ['App.kt', (key) => `val apiKey = "${key}"`],
    ['App.swift', (key) => `let apiKey = "${key}"`],
    ['main.tf', (key) => `  access_key = "${key}"`],
    ['Dockerfile', (key) => `ENV API_TOKEN=${key}`],
    ['deploy.sh', (key) => `export AUTH_TOKEN="${key}"`],
    ['docker-compose.yml', (key) => `      - API_KEY=${key}`],
    ['web.config', (key) => `<add key="ApiKey" value="${key}" />`],
    ['script.ps1', (key) => `$env:API_KEY = "${key}"`],
    ['notes.txt', (key) => `my api key: ${key}`],
    ['test_api.py', (key) => `    client = Client(api_key="${key}")`],
  ];

  const keys = [
    ...randomKeys('base62', 32, 40),
    ...randomKeys('base62', 24, 40),
    ...randomKeys('hex', 40, 40),
    ...randomKeys('base64url', 43, 40),
    ...randomKeys('base64', 40, 40),
    ...randomKeys('base36', 32, 40),
    ...randomKeys('base36Upper', 20, 40),
  ];

  it('keep real-looking generic keys in every kind of file', () => {
    const dropped = places.flatMap(([path, line]) =>
      keys.flatMap((key) => {
        const filter = findDroppingFilter(genericCandidate(line(key), key, path));
        return filter ? [`${path}: ${key} (${filter.name})`] : [];
      }),
    );
    expect(dropped).toEqual([]);
  });

  it('keep real-looking provider keys', () => {
    const dropped = randomProviderKeys(3000).filter((key) => findDroppingFilter(providerCandidate(key)));
    expect(dropped).toEqual([]);
  });

  const [commit] = randomKeys('hex', 40, 1);
  const [allowed] = randomKeys('base62', 20, 1);
  it.each([
    ['config.py', 'API_KEY = os.getenv("OPENAI_API_KEY")', 'OPENAI_API_KEY', 'template'],
    ['.env', 'OPENAI_API_KEY=${OPENAI_KEY}', 'OPENAI_KEY', 'template'],
    ['.env', 'OPENAI_API_KEY=your-api-key-here', 'your-api-key-here', 'placeholder'],
    ['.env', 'API_KEY=changeme', 'changeme', 'placeholder'],
    ['app.js', '  apiKey: this.apiKey,', 'this.apiKey', 'made-of-words'],
    ['app.py', 'password = "supersecretpassword"', 'supersecretpassword', 'made-of-words'],
    ['config.py', 'API_KEY = "abcdefghijklmnopqrstuvwxyz"', 'abcdefghijklmnopqrstuvwxyz', 'repeated-or-sequential'],
    ['config.py', 'API_KEY = "0000000000000000"', '0000000000000000', 'repeated-or-sequential'],
    ['config.py', 'token = "aaaaaaaabbbbbbbbaaaaaaaabbbbbbbb"', 'aaaaaaaabbbbbbbbaaaaaaaabbbbbbbb', 'repeated-or-sequential'],
    ['config.json', '  "tenant_key": "123e4567-e89b-12d3-a456-426614174000",', '123e4567-e89b-12d3-a456-426614174000', 'uuid'],
    ['release.json', `  "commit_sha": "${commit}",`, commit!, 'hash-name'],
    ['config.py', 'KEY_FILE = "/etc/ssl/private/server.key"', '/etc/ssl/private/server.key', 'path-or-url'],
    ['config.json', `  "token_type": "${allowed}",`, allowed!, 'non-secret-name'],
    ['.env', `OPENAI_API_KEY=${allowed}`, allowed!, 'provider-owned'],
    ['examples.json', '  "ARN": "aws:arn:secretsmanager:us-west-2:123456789012:secret:MySecret1-a1b2c3",', 'MySecret1-a1b2c3', 'resource-name'],
    ['config.js.map', '        ownPass: !!ownPass,', '!!ownPass', 'code-expression'],
    ['conftest.py', 'password = "Test1234!"', 'Test1234!', 'example-password'],
    ['app.py', 'api_key = "ThisIsNotARealKey"', 'ThisIsNotARealKey', 'plain-value'],
  ])('%s: %s is dropped by %s', (path, line, secret, filterName) => {
    expect(findDroppingFilter(genericCandidate(line, secret, path))?.name).toBe(filterName);
  });
});
