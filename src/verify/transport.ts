import type { ProviderAnswer, ProviderRequest } from './verifier.js';

/** No verifier needs more of an answer than this; a bigger body is cut, not buffered whole. */
const BODY_LIMIT = 256 * 1024;

/** A request that got no answer: `timeout`, or a network error code such as ECONNREFUSED. */
export class NoAnswer extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export interface Transport {
  send(url: URL, request: ProviderRequest, timeoutMs: number): Promise<ProviderAnswer>;
  close(): Promise<void>;
}

/**
 * HTTP through undici, loaded only when verification runs. Node 20's built-in fetch ignores
 * HTTPS_PROXY and NO_PROXY; undici's EnvHttpProxyAgent honours them (and their lower-case forms).
 * undici's `request` never follows redirects, which is what keyguard wants: a key goes to its
 * provider's host and nowhere else. Toward the loopback testing hook no proxy is used.
 */
export async function openTransport(direct: boolean): Promise<Transport> {
  const undici = await import('undici');
  const dispatcher = direct ? new undici.Agent() : new undici.EnvHttpProxyAgent();
  return {
    async send(url, request, timeoutMs) {
      const signal = AbortSignal.timeout(timeoutMs);
      let response: Awaited<ReturnType<typeof undici.request>>;
      try {
        response = await undici.request(url, {
          method: request.method,
          headers: request.headers,
          ...(request.body === undefined ? {} : { body: request.body }),
          dispatcher,
          signal,
        });
      } catch (error) {
        throw noAnswer(error, signal);
      }
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(response.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      let body = '';
      try {
        for await (const chunk of response.body) {
          body += (chunk as Buffer).toString('utf8');
          if (body.length >= BODY_LIMIT) break;
        }
      } catch (error) {
        throw noAnswer(error, signal);
      } finally {
        response.body.destroy();
      }
      return { status: response.statusCode, headers, body: body.slice(0, BODY_LIMIT) };
    },
    close: () => dispatcher.close(),
  };
}

/** Only a code leaves this function: an error message could quote the URL, and a URL can hold a key. */
function noAnswer(error: unknown, signal: AbortSignal): NoAnswer {
  if (signal.aborted) return new NoAnswer('timeout');
  const code = (error as { code?: unknown }).code;
  return new NoAnswer(typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code) ? code : 'network error');
}
