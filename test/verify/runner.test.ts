import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { azureEndpointNear } from '../../src/verify/azure-endpoint.js';
import { verifyBaseUrl } from '../../src/verify/base-url.js';
import { groq } from '../../src/verify/providers/groq.js';
import { mistral } from '../../src/verify/providers/mistral.js';
import { azureOpenai } from '../../src/verify/providers/azure-openai.js';
import { backoffMs, runJobs, targetUrl, type VerifyJob } from '../../src/verify/runner.js';
import { openTransport, type Transport } from '../../src/verify/transport.js';
import { UsageError } from '../../src/errors.js';
import { resolveVerifyOptions } from '../../src/verify/defaults.js';
import { randomFrom } from '../helpers/fake-keys.js';

const key = (): string => randomFrom('abcdefghijklmnopqrstuvwxyz0123456789', 40);

describe('the testing hook KEYGUARD_VERIFY_BASE_URL', () => {
  it('accepts loopback addresses only', () => {
    for (const value of ['http://127.0.0.1:8080', 'http://localhost:1', 'http://[::1]:9', 'https://127.10.0.1']) {
      expect(verifyBaseUrl({ KEYGUARD_VERIFY_BASE_URL: value })?.href).toBe(new URL(value).href);
    }
    for (const value of ['http://example.com', 'http://10.0.0.1', 'http://127.0.0.1.example.com', 'file:///tmp/x', 'not a url']) {
      expect(() => verifyBaseUrl({ KEYGUARD_VERIFY_BASE_URL: value })).toThrow(UsageError);
    }
    expect(verifyBaseUrl({})).toBeNull();
  });
});

describe('targetUrl', () => {
  it('is the official host over HTTPS, or the loopback hook with the same path', () => {
    const credential = { ruleId: 'groq-api-key', secret: key() };
    expect(targetUrl(groq, credential, '/openai/v1/models', null)?.href).toBe('https://api.groq.com/openai/v1/models');
    expect(targetUrl(groq, credential, '/openai/v1/models?x=1', new URL('http://127.0.0.1:9/ignored'))?.href).toBe('http://127.0.0.1:9/openai/v1/models?x=1');
    expect(targetUrl(groq, credential, '//evil.example/x', null)).toBeNull();
  });

  it('sends an Azure key only to a host under Azure\'s documented domains', () => {
    const at = (endpointHost: string) => targetUrl(azureOpenai, { ruleId: 'azure-openai-key', secret: key(), endpointHost }, '/openai/models', null)?.host ?? null;
    expect(at('contoso.openai.azure.com')).toBe('contoso.openai.azure.com');
    expect(at('contoso.cognitiveservices.azure.com')).toBe('contoso.cognitiveservices.azure.com');
    expect(at('openai.azure.com.evil.example')).toBeNull();
    expect(at('evil.example')).toBeNull();
  });
});

describe('azureEndpointNear', () => {
  it('finds the Azure resource host nearest the key, within a few lines', () => {
    const text = ['AZURE_OPENAI_ENDPOINT=https://contoso-eastus.openai.azure.com/', 'AZURE_OPENAI_API_KEY=x', 'OTHER=https://far.cognitiveservices.azure.com'].join('\n');
    expect(azureEndpointNear(text, 2)).toBe('contoso-eastus.openai.azure.com');
    expect(azureEndpointNear(`${'\n'.repeat(40)}https://contoso.openai.azure.com`, 1)).toBeUndefined();
    expect(azureEndpointNear('endpoint = https://contoso.openai.azure.com.evil.example/', 1)).toBeUndefined();
    expect(azureEndpointNear('endpoint = https://my-proxy.example/openai', 1)).toBeUndefined();
  });
});

describe('backoffMs', () => {
  it('follows Retry-After up to ten seconds, else waits a second', () => {
    const answer = (retryAfter?: string) => ({ status: 429, headers: { 'retry-after': retryAfter }, body: '' });
    expect(backoffMs(answer('2'))).toBe(2000);
    expect(backoffMs(answer('3600'))).toBe(10_000);
    expect(backoffMs(answer())).toBe(1000);
    expect(backoffMs(answer('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(1000);
  });
});

describe('runJobs limits', () => {
  // A stand-in that holds each request until `release` is called, counting how many are held at once.
  let port = 0;
  let inFlight = 0;
  let peak = 0;
  let held: Array<() => void> = [];
  const server = createServer((_request, response) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    held.push(() => {
      inFlight--;
      response.writeHead(200).end('{}');
    });
  });
  let transport: Transport;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    transport = await openTransport(true);
  });
  afterAll(async () => {
    await transport.close();
    server.closeAllConnections();
    server.close();
  });

  /** Releases held requests one at a time until every job is done. */
  async function drain<T>(run: Promise<T>): Promise<T> {
    let done = false;
    void run.finally(() => (done = true));
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      held.shift()?.();
    }
    return run;
  }

  it('keeps at most perProvider requests in flight to one provider', async () => {
    peak = 0;
    held = [];
    const jobs: VerifyJob[] = Array.from({ length: 6 }, () => ({ verifier: groq, credential: { ruleId: 'groq-api-key', secret: key() } }));
    const results = await drain(runJobs(jobs, { transport, baseUrl: new URL(`http://127.0.0.1:${port}`), options: resolveVerifyOptions({ perProvider: 2, concurrency: 8 }) }));
    expect(results.every((result) => result.status === 'live')).toBe(true);
    expect(peak).toBe(2);
  });

  it('keeps at most concurrency requests in flight overall', async () => {
    peak = 0;
    held = [];
    const jobs: VerifyJob[] = [groq, mistral, groq, mistral].map((verifier) => ({ verifier, credential: { ruleId: verifier.ruleIds[0]!, secret: key() } }));
    await drain(runJobs(jobs, { transport, baseUrl: new URL(`http://127.0.0.1:${port}`), options: resolveVerifyOptions({ perProvider: 2, concurrency: 1 }) }));
    expect(peak).toBe(1);
  });

  it('reports keys not checked within the time budget as error', async () => {
    held = [];
    const jobs: VerifyJob[] = Array.from({ length: 3 }, () => ({ verifier: groq, credential: { ruleId: 'groq-api-key', secret: key() } }));
    // Nothing is released: the first request runs into the budget, the others never start.
    const results = await runJobs(jobs, { transport, baseUrl: new URL(`http://127.0.0.1:${port}`), options: resolveVerifyOptions({ perProvider: 1, budgetMs: 100, timeoutMs: 5000 }) });
    expect(results).toEqual(Array(3).fill({ status: 'error', detail: 'not checked: the verification time budget (0.1 s) ran out' }));
    for (const release of held) release();
  });
});
