import { describe, expect, it } from 'vitest';
import { isVersionOrDate, versionOrDateFilter } from '../../../src/detect/filters/version-or-date.js';
import { randomKeys } from '../random-keys.js';

describe('version-or-date filter', () => {
  it('applies to generic rules only', () => {
    expect(versionOrDateFilter.appliesTo).toBe('generic');
  });

  it.each([
    '2024-02-15-preview',
    '2023-06-01',
    '1.2.3',
    'v1.2.3-rc.1',
    '4.0.0-beta.2+build.11',
    '2024-01-15T10:30:00Z',
    '2024-01-15T10:30:00+02:00',
    '10.0.0.1',
    '192.168.1.254:8080',
    '10.0.0.0/16',
  ])('drops %s', (value) => {
    expect(isVersionOrDate(value)).toBe(true);
  });

  it.each([
    ['a single number', '20240215'],
    ['one digit group and a word', 'v2-preview'],
    ['long digit groups', '17000000000-1700000000'],
    ['a word that is not a label', 'beta-2024-xk9q'],
    ['mixed parts', '2024-01-abc1'],
  ])('keeps %s', (_, value) => {
    expect(isVersionOrDate(value)).toBe(false);
  });

  it('keeps random keys that contain separators', () => {
    const keys = randomKeys('base64url', 32, 3000).filter((key) => /[-_]/.test(key));
    expect(keys.filter(isVersionOrDate)).toEqual([]);
  });
});
