import { describe, expect, it } from 'vitest';
import { isSentryDsnKey, sentryDsnFilter } from '../../../src/detect/filters/sentry-dsn.js';
import { randomKeys } from '../random-keys.js';
import { genericCandidate } from './candidates.js';

describe('sentry-dsn filter', () => {
  const [key] = randomKeys('hex', 32, 1);

  it('applies to every rule, as the DSN form is specific', () => {
    expect(sentryDsnFilter.appliesTo).toBe('all');
  });

  it.each([
    `Sentry.init({ dsn: "https://${key}@o450000.ingest.sentry.io/5500000" });`,
    `SENTRY_DSN=https://${key}@o450000.ingest.us.sentry.io/5500000`,
    `dsn: https://${key}@sentry.io/123456`,
    `SENTRY_DSN=http://${key}@sentry:9000/2`,
  ])('drops the public key of %s', (line) => {
    expect(isSentryDsnKey(genericCandidate(line, key!))).toBe(true);
  });

  it.each([
    ['the secret of a legacy DSN', `SENTRY_DSN=https://public:${key}@sentry.io/1`],
    ['credentials for another host', `DATABASE_URL=https://${key}@db.example.com/5`],
    ['a bare key', `SENTRY_KEY=${key}`],
  ])('keeps %s', (_, line) => {
    expect(isSentryDsnKey(genericCandidate(line, key!))).toBe(false);
  });
});
