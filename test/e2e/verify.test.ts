import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli.js';
import { fakeKeys } from '../helpers/fake-keys.js';
import { makeRepo, makeTempDir, removeTestRepos } from '../helpers/git-repo.js';
import { startStandIn, type StandIn } from '../helpers/stand-in.js';
import { validateJson, validateSarif } from '../report/report-validators.js';
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';


interface JsonFinding {
  ruleId: string;
  kind: string;
  line: number;
  remedy: string;
  verification?: { status: string; detail?: string };
}

/** The stand-in plays OpenAI: it accepts the first key and rejects every other. */
const accepted = fakeKeys.openaiProject();
const rejected = fakeKeys.openaiProject();
let openai: StandIn;

beforeAll(async () => {
  openai = await startStandIn((request) =>
    request.headers.authorization === `Bearer ${accepted}`
      ? { status: 200, body: '{"object":"list","data":[]}', headers: { 'openai-organization': 'org-standin' } }
      : { status: 401, body: '{"error":{"code":"invalid_api_key"}}' },
  );
});
afterAll(() => openai.close());
afterEach(() => {
  openai.requests.length = 0;
  removeTestRepos();
});

/** A folder with the two keys in one file, and the accepted key again in another. */
function project(): string {
  const dir = makeTempDir('keyguard-verify-');
  writeFileSync(join(dir, 'config.py'), `REJECTED = "${rejected}"\nACCEPTED = "${accepted}"\n`);
  writeFileSync(join(dir, 'other.py'), `KEY = "${accepted}"\n`);
  return dir;
}

const env = () => ({ KEYGUARD_VERIFY_BASE_URL: openai.url });

describe('keyguard scan --verify against a stand-in provider', () => {
  it('asks once per distinct key and tells the live key from the revoked one in text, live first', async () => {
    const run = await runCliAsync(['scan', '--verify'], { cwd: project(), env: env() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    // Three findings, two distinct keys: two requests, each on OpenAI's path with the key as bearer token.
    expect(openai.requests.map((request) => `${request.method} ${request.url}`)).toEqual(['GET /v1/models', 'GET /v1/models']);
    expect(openai.requests.map((request) => request.headers.authorization).sort()).toEqual([`Bearer ${accepted}`, `Bearer ${rejected}`].sort());
    const live = run.stdout.indexOf('● LIVE, the provider accepts this key (organization org-standin)');
    const revoked = run.stdout.indexOf('○ revoked, the provider rejects this key');
    expect(live).toBeGreaterThan(-1);
    expect(revoked).toBeGreaterThan(live);
    expect(run.stdout).toContain('This key works right now: revoke it and create a new one at https://platform.openai.com/api-keys immediately');
    expect(run.stdout).toContain('The provider rejects this key, so it is dead');
    expect(run.stdout).toContain('Verified 3 findings: 2 live, 1 revoked');
    expect(run.stdout).not.toContain(accepted);
    expect(run.stdout).not.toContain(rejected);
  });

  it('carries the verification in the JSON report, valid against its schema', async () => {
    const run = await runCliAsync(['scan', '--verify', '--format', 'json'], { cwd: project(), env: env() });
    const report = JSON.parse(run.stdout);
    expect(validateJson(report), JSON.stringify(validateJson.errors)).toBe(true);
    const byLine = (report.findings as JsonFinding[]).filter((finding) => finding.ruleId === 'openai-project-key').map((finding) => [finding.line, finding.verification]);
    expect(byLine).toEqual(
      expect.arrayContaining([
        [1, { status: 'revoked', detail: 'HTTP 401' }],
        [2, { status: 'live', detail: 'organization org-standin' }],
      ]),
    );
  });

  it('puts the verification in SARIF result properties and raises the live key to error', async () => {
    const run = await runCliAsync(['scan', '--verify', '--format', 'sarif', '--', 'config.py'], { cwd: project(), env: env() });
    const log = JSON.parse(run.stdout);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const results = log.runs[0].results as Array<{ level: string; properties: { verification: { status: string } }; message: { text: string } }>;
    expect(results.map((result) => [result.properties.verification.status, result.level]).sort()).toEqual([
      ['live', 'error'],
      ['revoked', 'error'],
    ]);
    expect(results.find((result) => result.properties.verification.status === 'live')!.message.text).toContain('Verified: LIVE');
  });

  it('reports only live keys with --results live, and the exit code follows what is reported', async () => {
    const dir = project();
    const live = await runCliAsync(['scan', '--verify', '--results', 'live', '--format', 'json', '--', 'config.py'], { cwd: dir, env: env() });
    const findings = JSON.parse(live.stdout).findings as JsonFinding[];
    expect(findings.map((finding) => [finding.line, finding.verification?.status])).toEqual([[2, 'live']]);
    expect(live.code).toBe(1);

    writeFileSync(join(dir, 'config.py'), `REJECTED = "${rejected}"\n`);
    const none = await runCliAsync(['scan', '--verify', '--results', 'live', '--', 'config.py'], { cwd: dir, env: env() });
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('1 verified finding(s) not reported: --results live leaves them out');
  });

  it('always reports findings without a key, which are never sent anywhere', async () => {
    const repo = makeRepo();
    repo.write('.env', `OPENAI_API_KEY=${rejected}\n`);
    repo.commit('add env');
    const run = await runCliAsync(['scan', '--verify', '--results', 'live', '--format', 'json'], { cwd: repo.dir, env: env() });
    const findings = JSON.parse(run.stdout).findings as JsonFinding[];
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((finding) => finding.kind === 'hygiene' && finding.verification === undefined)).toBe(true);
    expect(run.code).toBe(1);
  });

  it('does not verify without --verify, not even --staged', async () => {
    const repo = makeRepo();
    repo.write('app.py', `KEY = "${accepted}"\n`);
    repo.git('add', 'app.py');
    for (const args of [['scan', '--format', 'json'], ['scan', '--staged', '--format', 'json']]) {
      const run = await runCliAsync(args, { cwd: repo.dir, env: env() });
      expect(run.code).toBe(1);
      expect((JSON.parse(run.stdout).findings as JsonFinding[]).every((finding) => finding.verification === undefined)).toBe(true);
    }
    expect(openai.requests).toHaveLength(0);
    const staged = await runCliAsync(['scan', '--staged', '--verify', '--format', 'json'], { cwd: repo.dir, env: env() });
    expect((JSON.parse(staged.stdout).findings as JsonFinding[]).map((finding) => finding.verification?.status)).toEqual(['live']);
  });

  it('takes `verify` from the config file for a tree scan, but never for --staged', async () => {
    const repo = makeRepo();
    repo.write('keyguard.config.json', JSON.stringify({ verify: true }));
    repo.write('app.py', `KEY = "${accepted}"\n`);
    repo.git('add', 'app.py');
    openai.requests.length = 0;
    const staged = await runCliAsync(['scan', '--staged', '--format', 'json'], { cwd: repo.dir, env: env() });
    expect((JSON.parse(staged.stdout).findings as JsonFinding[]).every((finding) => finding.verification === undefined)).toBe(true);
    expect(openai.requests).toHaveLength(0);
    const tree = await runCliAsync(['scan', 'app.py', '--format', 'json'], { cwd: repo.dir, env: env() });
    expect((JSON.parse(tree.stdout).findings as JsonFinding[]).map((finding) => finding.verification?.status)).toEqual(['live']);
  });

  it('sends an Azure key only with the Azure endpoint next to it, to that resource', async () => {
    const dir = makeTempDir('keyguard-verify-');
    const azureKey = fakeKeys.genericHex40().slice(0, 32);
    writeFileSync(join(dir, '.env'), `AZURE_OPENAI_ENDPOINT=https://contoso.openai.azure.com/\nAZURE_OPENAI_API_KEY=${azureKey}\n`);
    const run = await runCliAsync(['scan', '--verify', '--format', 'json'], { cwd: dir, env: env() });
    const finding = (JSON.parse(run.stdout).findings as JsonFinding[]).find((item) => item.ruleId === 'azure-openai-key');
    expect(finding?.verification?.status).toBe('revoked');
    expect(openai.requests.map((request) => [request.url, request.headers['api-key']])).toEqual([['/openai/models?api-version=2024-10-21', azureKey]]);

    writeFileSync(join(dir, '.env'), `AZURE_OPENAI_ENDPOINT=https://my-gateway.example.com/\nAZURE_OPENAI_API_KEY=${azureKey}\n`);
    openai.requests.length = 0;
    const elsewhere = await runCliAsync(['scan', '--verify', '--format', 'json'], { cwd: dir, env: env() });
    const unsent = (JSON.parse(elsewhere.stdout).findings as JsonFinding[]).find((item) => item.ruleId === 'azure-openai-key');
    expect(unsent?.verification).toEqual({ status: 'unknown', detail: expect.stringContaining('no Azure endpoint') });
    expect(openai.requests).toHaveLength(0);
  });

  it('tells, for keys found in history only, which still work', async () => {
    const repo = makeRepo();
    repo.write('app.py', `A = "${accepted}"\n`);
    repo.commit('add a key');
    repo.write('app.py', `B = "${rejected}"\n`);
    repo.commit('swap the key');
    repo.write('app.py', 'KEY = os.environ["OPENAI_API_KEY"]\n');
    repo.commit('use the environment');
    const run = await runCliAsync(['scan', '--history', '--verify', '--format', 'json'], { cwd: repo.dir, env: env() });
    const findings = JSON.parse(run.stdout).findings as Array<JsonFinding & { commit: { summary: string } }>;
    expect(findings.map((finding) => [finding.commit.summary, finding.verification?.status]).sort()).toEqual([
      ['add a key', 'live'],
      ['swap the key', 'revoked'],
    ]);
    expect(findings.find((finding) => finding.verification?.status === 'live')!.remedy).toContain('stays readable in every clone of this history');
  });

  it('goes through HTTPS_PROXY to the official host, which the proxy sees only as a CONNECT target', async () => {
    const targets: string[] = [];
    const proxy = createServer();
    proxy.on('connect', (request: IncomingMessage, socket: Socket) => {
      targets.push(request.url ?? '');
      // Refused: the test never leaves this machine.
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      const run = await runCliAsync(['scan', '--verify', '--format', 'json', '--', 'config.py'], {
        cwd: project(),
        env: { KEYGUARD_VERIFY_BASE_URL: '', HTTPS_PROXY: proxyUrl, https_proxy: proxyUrl, NO_PROXY: 'example.com', no_proxy: 'example.com' },
      });
      expect(targets.sort()).toEqual(['api.openai.com:443', 'api.openai.com:443']);
      const statuses = (JSON.parse(run.stdout).findings as JsonFinding[]).map((finding) => finding.verification?.status);
      expect(statuses).toEqual(['error', 'error']);
    } finally {
      proxy.close();
    }
  });

  it('refuses a testing hook that is not a loopback address, before scanning', async () => {
    const run = await runCliAsync(['scan', '--verify'], { cwd: project(), env: { KEYGUARD_VERIFY_BASE_URL: 'http://192.0.2.1:8080' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/KEYGUARD_VERIFY_BASE_URL must be http\(s\) on a loopback address/);
    expect(run.stdout).toBe('');
  });

  it('refuses --results without --verify and unknown statuses', async () => {
    expect((await runCliAsync(['scan', '--results', 'live'], { cwd: project() })).code).toBe(2);
    const bad = await runCliAsync(['scan', '--verify', '--results', 'alive'], { cwd: project(), env: env() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown status "alive"');
  });
});

interface CoverageScript {
  url: string;
  functions: Array<{ functionName: string; ranges: Array<{ count: number }> }>;
}

/**
 * What a CLI run executed, from V8's coverage (NODE_V8_COVERAGE): the scripts it loaded and the
 * names of the functions that ran. In the CLI bundle each module's code runs inside a function
 * named after the module's path (`dist/verify/verify-findings.js`), so a module that never
 * initialised never shows up as run.
 */
async function executed(args: string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<{ code: number; scripts: string[]; ran: string[] }> {
  const coverage = makeTempDir('keyguard-coverage-');
  const run = await runCliAsync(args, { cwd, env: { ...extraEnv, NODE_V8_COVERAGE: coverage } });
  const results = readdirSync(coverage).flatMap((file) => (JSON.parse(readFileSync(join(coverage, file), 'utf8')) as { result: CoverageScript[] }).result);
  const ran = results.flatMap((script) => script.functions.filter((fn) => fn.ranges[0]!.count > 0).map((fn) => fn.functionName));
  return { code: run.code, scripts: results.map((script) => script.url), ran };
}

describe('a scan without --verify loads no verify code', () => {
  const verifyCode = (ran: string[]) => ran.filter((name) => name === 'dist/verify/verify-findings.js' || name.startsWith('dist/verify/providers/'));
  const undici = (scripts: string[]) => scripts.filter((url) => url.includes('/node_modules/undici/'));

  it('runs neither the verifiers nor undici in a staged scan that finds a key, nor in a tree scan', async () => {
    const repo = makeRepo();
    repo.write('config.py', `KEY = "${accepted}"\n`);
    repo.git('add', 'config.py');
    for (const args of [['scan', '--staged'], ['scan']]) {
      const { code, scripts, ran } = await executed(args, repo.dir, env());
      expect(code, args.join(' ')).toBe(1);
      expect(ran, args.join(' ')).toContain('dist/scan.js');
      expect(verifyCode(ran), args.join(' ')).toEqual([]);
      expect(undici(scripts), args.join(' ')).toEqual([]);
    }
  });

  it('runs both with --verify (the check above can see them)', async () => {
    const { code, scripts, ran } = await executed(['scan', '--verify'], project(), env());
    expect(code).toBe(1);
    expect(verifyCode(ran)).toContain('dist/verify/verify-findings.js');
    expect(undici(scripts).length).toBeGreaterThan(0);
  });
});
