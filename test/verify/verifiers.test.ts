import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveVerifyOptions } from '../../src/verify/defaults.js';
import { VERIFIERS } from '../../src/verify/providers/index.js';
import { runJobs, targetUrl } from '../../src/verify/runner.js';
import { openTransport, type Transport } from '../../src/verify/transport.js';
import type { Credential, Verifier } from '../../src/verify/verifier.js';
import type { VerifyOptions } from '../../src/verify/types.js';
import { randomFrom } from '../helpers/fake-keys.js';
import { startStandIn, type Reply, type StandIn } from '../helpers/stand-in.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const json = (status: number, value: unknown, headers?: Record<string, string>): Reply => ({ status, body: JSON.stringify(value), ...(headers && { headers }) });
const xml = (status: number, text: string): Reply => ({ status, body: text, headers: { 'content-type': 'text/xml' } });

interface Case {
  ruleId: string;
  credential?: Partial<Credential>;
  live: Reply;
  revoked: Reply;
  /** The answer of a key that works but can no longer spend, where the provider says so. */
  quota?: Reply;
}

const OK = json(200, {});
const UNAUTHORIZED = json(401, { error: { message: 'invalid key' } });

/** For each verifier: how its provider answers a working key, a dead one and, where it has one, an exhausted quota. */
const CASES: Record<string, Case> = {
  openai: { ruleId: 'openai-project-key', live: json(200, { data: [] }, { 'openai-organization': 'org-test' }), revoked: json(401, { error: { code: 'invalid_api_key' } }), quota: json(429, { error: { code: 'insufficient_quota' } }) },
  anthropic: { ruleId: 'anthropic-api-key', live: OK, revoked: json(401, { type: 'error', error: { type: 'authentication_error' } }) },
  google: {
    ruleId: 'google-api-key',
    live: json(200, { models: [] }),
    revoked: json(400, { error: { status: 'INVALID_ARGUMENT', details: [{ reason: 'API_KEY_INVALID' }] } }),
    quota: json(429, { error: { status: 'RESOURCE_EXHAUSTED', message: 'You exceeded your current quota' } }),
  },
  groq: { ruleId: 'groq-api-key', live: OK, revoked: UNAUTHORIZED },
  mistral: { ruleId: 'mistral-api-key', live: OK, revoked: UNAUTHORIZED },
  deepseek: { ruleId: 'deepseek-api-key', live: json(200, { is_available: true }), revoked: UNAUTHORIZED, quota: json(200, { is_available: false }) },
  xai: { ruleId: 'xai-api-key', live: json(200, { api_key_blocked: false, api_key_disabled: false, team_blocked: false }), revoked: json(400, { error: 'Incorrect API key provided' }) },
  openrouter: { ruleId: 'openrouter-api-key', live: json(200, { data: { limit: null, limit_remaining: null } }), revoked: UNAUTHORIZED, quota: json(200, { data: { limit: 5, limit_remaining: 0 } }) },
  huggingface: { ruleId: 'huggingface-token', live: json(200, { name: 'someone', auth: { accessToken: { role: 'read' } } }), revoked: UNAUTHORIZED },
  replicate: { ruleId: 'replicate-api-token', live: json(200, { username: 'someone' }), revoked: UNAUTHORIZED },
  cohere: { ruleId: 'cohere-api-key', live: json(200, { valid: true }), revoked: json(200, { valid: false }) },
  github: { ruleId: 'github-pat', live: json(200, { login: 'someone' }, { 'x-oauth-scopes': 'repo' }), revoked: json(401, { message: 'Bad credentials' }) },
  slack: { ruleId: 'slack-bot-token', live: json(200, { ok: true, team: 'Team', user: 'bot' }), revoked: json(200, { ok: false, error: 'invalid_auth' }) },
  stripe: { ruleId: 'stripe-secret-key', live: json(200, { livemode: false }), revoked: UNAUTHORIZED },
  aws: {
    ruleId: 'aws-access-key-id',
    credential: { pairedSecret: randomFrom(ALNUM, 40) },
    live: xml(200, '<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/ci</Arn></GetCallerIdentityResult></GetCallerIdentityResponse>'),
    revoked: xml(403, '<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code></Error></ErrorResponse>'),
  },
  'azure-openai': { ruleId: 'azure-openai-key', credential: { endpointHost: 'contoso.openai.azure.com' }, live: OK, revoked: UNAUTHORIZED },
  together: { ruleId: 'together-api-key', live: OK, revoked: UNAUTHORIZED },
  fireworks: { ruleId: 'fireworks-api-key', live: OK, revoked: UNAUTHORIZED },
  elevenlabs: {
    ruleId: 'elevenlabs-api-key',
    live: json(200, { subscription: { character_count: 1, character_limit: 10 } }),
    revoked: json(401, { detail: { status: 'invalid_api_key' } }),
    quota: json(200, { subscription: { character_count: 10, character_limit: 10 } }),
  },
  deepgram: { ruleId: 'deepgram-api-key', live: OK, revoked: UNAUTHORIZED },
  npm: { ruleId: 'npm-access-token', live: json(200, { username: 'someone' }), revoked: UNAUTHORIZED },
  gitlab: { ruleId: 'gitlab-token', live: json(200, { active: true, revoked: false, scopes: ['read_api'] }), revoked: UNAUTHORIZED },
  sendgrid: { ruleId: 'sendgrid-api-key', live: json(200, { scopes: [] }), revoked: UNAUTHORIZED },
  telegram: { ruleId: 'telegram-bot-token', live: json(200, { ok: true, result: { username: 'a_bot' } }), revoked: json(401, { ok: false, description: 'Unauthorized' }) },
  stability: { ruleId: 'stability-api-key', live: OK, revoked: UNAUTHORIZED },
  pinecone: { ruleId: 'pinecone-api-key', live: OK, revoked: UNAUTHORIZED },
  supabase: { ruleId: 'supabase-access-token', live: OK, revoked: UNAUTHORIZED },
};

function credentialOf(verifier: Verifier): Credential {
  const testCase = CASES[verifier.id]!;
  const secret = verifier.id === 'aws' ? `AK${'IA'}${randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}` : randomFrom(ALNUM, 40);
  return { ruleId: testCase.ruleId, secret, ...testCase.credential };
}

let standIn: StandIn;
let script: Reply[] = [];
let transport: Transport;

beforeAll(async () => {
  standIn = await startStandIn((_request, index) => script[Math.min(index, script.length - 1)] ?? { status: 500 });
  transport = await openTransport(true);
});
afterEach(() => {
  standIn.requests.length = 0;
});
afterAll(async () => {
  await transport.close();
  await standIn.close();
});

async function verifyWith(verifier: Verifier, replies: Reply[], options: VerifyOptions = {}) {
  script = replies;
  const credential = credentialOf(verifier);
  const [verification] = await runJobs([{ verifier, credential }], { transport, baseUrl: new URL(standIn.url), options: resolveVerifyOptions({ timeoutMs: 2000, ...options }) });
  return { verification: verification!, credential };
}

it('has a case for every verifier, and every verifier a fixed https host of its own provider', () => {
  expect(Object.keys(CASES).sort()).toEqual(VERIFIERS.map((verifier) => verifier.id).sort());
  for (const verifier of VERIFIERS) {
    const credential = credentialOf(verifier);
    const request = verifier.request(credential, new Date());
    if ('status' in request) throw new Error(`${verifier.id} cannot build a request`);
    const url = targetUrl(verifier, credential, request.path, null)!;
    expect(url.protocol).toBe('https:');
    expect(url.hostname).not.toMatch(/^(?:127\.|localhost)/);
  }
});

describe.each(VERIFIERS.map((verifier) => [verifier.id, verifier] as const))('%s', (_id, verifier) => {
  const testCase = CASES[verifier.id]!;

  it('reports a key the provider accepts as live, sending the key on the provider\'s own path', async () => {
    const { verification, credential } = await verifyWith(verifier, [testCase.live]);
    expect(verification.status).toBe('live');
    expect(standIn.requests).toHaveLength(1);
    const [received] = standIn.requests;
    const request = verifier.request(credential, new Date());
    if ('status' in request) throw new Error('no request');
    expect(received!.url).toBe(request.path);
    expect(received!.method).toBe(request.method);
    // The key (for AWS, the key id in the signature) reaches the stand-in in a header or the path.
    expect(JSON.stringify(received!.headers) + received!.url).toContain(credential.secret);
    expect(verification.detail ?? '').not.toContain(credential.secret);
  });

  it('reports a key the provider rejects as revoked', async () => {
    const { verification } = await verifyWith(verifier, [testCase.revoked]);
    expect(verification.status).toBe('revoked');
  });

  it('retries once after a 429, then reads the answer', async () => {
    const { verification } = await verifyWith(verifier, [{ status: 429, body: '{}', headers: { 'retry-after': '0' } }, testCase.live]);
    expect(verification.status).toBe('live');
    expect(standIn.requests).toHaveLength(2);
  });

  it('gives up as unknown, rate limited, after a second 429', async () => {
    const { verification } = await verifyWith(verifier, [{ status: 429, body: '{}', headers: { 'retry-after': '0' } }]);
    expect(verification).toEqual({ status: 'unknown', detail: expect.stringMatching(/rate limited.*after one retry/) });
    expect(standIn.requests).toHaveLength(2);
  });

  it.runIf(testCase.quota !== undefined)('reports a key whose quota is exhausted as live, saying so', async () => {
    const { verification } = await verifyWith(verifier, [testCase.quota!]);
    expect(verification.status).toBe('live');
    expect(verification.detail).toMatch(/quota|credit|balance|exhausted|used up/);
    expect(standIn.requests).toHaveLength(1);
  });

  it('reports a 5xx as error', async () => {
    const { verification } = await verifyWith(verifier, [{ status: 503, body: 'down' }]);
    expect(verification).toEqual({ status: 'error', detail: 'provider error (HTTP 503)' });
  });

  it('reports a request that takes too long as error', async () => {
    const { verification } = await verifyWith(verifier, [{ status: 200, hang: true }], { timeoutMs: 150 });
    expect(verification).toEqual({ status: 'error', detail: 'timed out after 0.15 s' });
  });

  it('does not follow a redirect to another host', async () => {
    const elsewhere = await startStandIn(() => testCase.live);
    try {
      const { verification } = await verifyWith(verifier, [{ status: 302, headers: { location: `${elsewhere.url}/collect` } }]);
      expect(verification.status).toBe('unknown');
      expect(verification.detail).toMatch(/redirected \(HTTP 302\).*not followed/);
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });
});
