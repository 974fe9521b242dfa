import type { Candidate, Filter } from './filter.js';
import { surroundingsOf } from './surroundings.js';

/**
 * The public key of a Sentry DSN, `https://<32 hex>@o123.ingest.sentry.io/456`: Sentry documents
 * DSNs as safe to ship in client code (they only allow sending events), so the key in one is not a
 * secret. The legacy `<public>:<secret>@` form keeps its secret part reported.
 */
const DSN_START = /\bhttps?:\/\/$/;
const DSN_HOST_AFTER = /^@(?:[\w-]+\.)*(?:sentry\.io|sentry)(?::\d+)?\/\d+/i;

export function isSentryDsnKey(candidate: Candidate): boolean {
  if (!/^[a-f0-9]{32}$/.test(candidate.secret)) return false;
  const { before, after } = surroundingsOf(candidate);
  return DSN_START.test(before) && DSN_HOST_AFTER.test(after);
}

export const sentryDsnFilter: Filter = {
  name: 'sentry-dsn',
  description: 'Drops the public key of a Sentry DSN (https://<key>@o1.ingest.sentry.io/2), which Sentry makes to be shipped in client code.',
  appliesTo: 'all',
  matches: isSentryDsnKey,
};
