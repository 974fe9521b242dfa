import { isAzureResourceHost } from './azure-endpoint.js';
import { Limiter } from './limiter.js';
import { NoAnswer, type Transport } from './transport.js';
import type { Verification, VerifyOptions } from './types.js';
import type { Credential, ProviderAnswer, Verifier } from './verifier.js';

export interface VerifyJob {
  verifier: Verifier;
  credential: Credential;
}

export interface RunnerSettings {
  transport: Transport;
  /** The testing hook (src/verify/base-url.ts): requests go to this loopback origin instead. */
  baseUrl: URL | null;
  options: Required<VerifyOptions>;
}

/** How long to wait before the one retry after a 429: Retry-After when it says, else a second, at most ten. */
export function backoffMs(answer: ProviderAnswer): number {
  const seconds = Number(answer.headers['retry-after']);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 10) * 1000 : 1000;
}

/**
 * The URL a request goes to: always HTTPS to the verifier's official host (for Azure, a resource
 * host checked against Azure's domains), or the loopback testing hook with the same path.
 */
export function targetUrl(verifier: Verifier, credential: Credential, path: string, baseUrl: URL | null): URL | null {
  const host = typeof verifier.host === 'string' ? verifier.host : verifier.host(credential);
  if (host === null) return null;
  if (typeof verifier.host !== 'string' && !isAzureResourceHost(host)) return null;
  if (!path.startsWith('/') || path.startsWith('//')) return null;
  const url = new URL(`https://${host}${path}`);
  if (url.protocol !== 'https:' || url.host !== host) return null;
  return baseUrl ? new URL(`${url.pathname}${url.search}`, baseUrl.origin) : url;
}

/** Details are short, printable, and never hold the key, whatever a provider echoes back. */
function scrub(verification: Verification, credential: Credential): Verification {
  if (verification.detail === undefined) return verification;
  let detail = verification.detail;
  for (const secret of [credential.secret, credential.pairedSecret]) if (secret) detail = detail.split(secret).join('[key]');
  // eslint-disable-next-line no-control-regex
  detail = detail.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 200);
  return { status: verification.status, detail };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks each job once, at most `concurrency` requests in flight overall and `perProvider` to one
 * provider, each request bounded by the timeout, one retry after a 429, and everything by the
 * time budget: what is not checked in time is `error`.
 */
export async function runJobs(jobs: readonly VerifyJob[], settings: RunnerSettings): Promise<Verification[]> {
  const { options } = settings;
  const { timeoutMs, budgetMs } = options;
  const deadline = Date.now() + budgetMs;
  const overall = new Limiter(options.concurrency);
  const perProvider = new Map<string, Limiter>();
  const limiterOf = (id: string): Limiter => {
    let limiter = perProvider.get(id);
    if (!limiter) perProvider.set(id, (limiter = new Limiter(options.perProvider)));
    return limiter;
  };
  const outOfTime: Verification = { status: 'error', detail: `not checked: the verification time budget (${budgetMs / 1000} s) ran out` };

  async function attempt(job: VerifyJob): Promise<Verification> {
    for (let retry = 0; ; retry++) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return outOfTime;
      const request = job.verifier.request(job.credential, new Date());
      if ('status' in request) return request;
      const url = targetUrl(job.verifier, job.credential, request.path, settings.baseUrl);
      if (url === null) return { status: 'unknown', detail: 'no official host to send the key to' };
      let answer: ProviderAnswer;
      try {
        answer = await settings.transport.send(url, request, Math.min(timeoutMs, remaining));
      } catch (error) {
        if (!(error instanceof NoAnswer)) throw error;
        if (error.reason === 'timeout') return timeoutMs <= remaining ? { status: 'error', detail: `timed out after ${timeoutMs / 1000} s` } : outOfTime;
        return { status: 'error', detail: `network error ${error.reason}` };
      }
      const verdict = job.verifier.read(answer);
      const wait = backoffMs(answer);
      if (answer.status !== 429 || verdict.status !== 'unknown') return verdict;
      if (retry > 0) return { status: 'unknown', detail: `${verdict.detail ?? 'rate limited'}, again after one retry` };
      if (wait >= deadline - Date.now()) return { status: 'unknown', detail: `${verdict.detail ?? 'rate limited'}; no time left to retry` };
      await sleep(wait);
    }
  }

  return Promise.all(
    jobs.map((job) =>
      limiterOf(job.verifier.id).run(() => overall.run(async () => scrub(await attempt(job), job.credential))),
    ),
  );
}
