import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDuration } from '../../src/report/human-units.js';

describe('formatCount', () => {
  it('pluralises and groups thousands', () => {
    expect(formatCount(1, 'file')).toBe('1 file');
    expect(formatCount(0, 'file')).toBe('0 files');
    expect(formatCount(61234, 'commit')).toBe('61,234 commits');
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [812, '812 B'],
    [999_400, '999 kB'],
    [999_600, '1.0 MB'],
    [1_234_567, '1.2 MB'],
    [440_000_000, '440 MB'],
    [2_500_000_000_000_000, '2500 TB'],
  ])('%d bytes is %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [340.4, '340 ms'],
    [999.7, '1.0 s'],
    [1530, '1.5 s'],
    [59_960, '1 min 0 s'],
    [125_000, '2 min 5 s'],
  ])('%d ms is %s', (milliseconds, expected) => {
    expect(formatDuration(milliseconds)).toBe(expected);
  });
});
