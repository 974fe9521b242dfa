import type { ProviderAnswer } from './verifier.js';
import type { Verification } from './types.js';

/**
 * How most providers answer: 2xx the key works, 401 it does not. Everything else proves nothing
 * about the key (unknown) or is the provider's or the network's problem (error). A verifier reads
 * what its provider says more precisely first and falls back to this.
 */
export function readStatus(answer: ProviderAnswer, liveDetail?: string): Verification {
  const { status } = answer;
  if (status >= 200 && status < 300) return liveDetail ? { status: 'live', detail: liveDetail } : { status: 'live' };
  if (status === 401) return { status: 'revoked', detail: 'HTTP 401' };
  if (status === 403) return { status: 'unknown', detail: 'forbidden (HTTP 403): the key may work but not for this endpoint' };
  if (status === 429) return rateLimited();
  if (status >= 300 && status < 400) return redirected(answer);
  if (status >= 500) return { status: 'error', detail: `provider error (HTTP ${status})` };
  return { status: 'unknown', detail: `unexpected answer (HTTP ${status})` };
}

export function rateLimited(): Verification {
  return { status: 'unknown', detail: 'rate limited (HTTP 429)' };
}

export function quotaExhausted(): Verification {
  return { status: 'live', detail: 'the key works but its quota or credit is exhausted' };
}

/** Redirects are never followed: a key goes to its provider's host and nowhere else. */
function redirected(answer: ProviderAnswer): Verification {
  let target = 'another location';
  try {
    if (answer.headers.location) target = new URL(answer.headers.location, 'https://invalid.invalid').host || target;
  } catch {
    // An unparsable Location header is reported as "another location".
  }
  return { status: 'unknown', detail: `redirected (HTTP ${answer.status}) to ${target}; not followed` };
}

/** The body as JSON, or null when it is not JSON. */
export function jsonOf(answer: ProviderAnswer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(answer.body);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A string field of a JSON object, for details such as the account name. */
export function stringAt(value: unknown, ...path: string[]): string | undefined {
  let current = value;
  for (const name of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[name];
  }
  return typeof current === 'string' && current !== '' ? current : undefined;
}

export function bearer(secret: string): Record<string, string> {
  return { authorization: `Bearer ${secret}` };
}
