import { describe, expect, it } from 'vitest';
import { isGeneratedResourceName, resourceNameFilter } from '../../../src/detect/filters/resource-name.js';
import { randomKeys } from '../random-keys.js';

describe('resource-name filter', () => {
  it('applies to generic rules only', () => {
    expect(resourceNameFilter.appliesTo).toBe('generic');
  });

  it.each([
    'MySecret1-a1b2c3',
    'MyTestDatabaseSecret-a1b2c3',
    'myorg/myuser/ALL.SOURCE.ORACLE_12-A1B2C3',
    'mygroup/myalias/ALL.SOURCE.ORACLE_12-TP5rA9',
    'db-credentials-2mn838wk',
    'prod/payments/stripe-x7Kq2p',
  ])('drops words with a short random suffix: %s', (value) => {
    expect(isGeneratedResourceName(value)).toBe(true);
  });

  it.each([
    ['a suffix long enough to be a key', 'term-token-gPFEGk7CF4wS901w7ppYclt7'],
    ['a year, not a random suffix', 'Summer-2024'],
    ['a random head', 'xQ7kZ9pL2mV4-a1b2c3'],
  ])('keeps %s: %s', (_, value) => {
    expect(isGeneratedResourceName(value)).toBe(false);
  });

  it('keeps random keys with dashes', () => {
    const keys = randomKeys('base64url', 24, 2000).filter((key) => key.includes('-'));
    expect(keys.filter(isGeneratedResourceName)).toEqual([]);
  });
});
