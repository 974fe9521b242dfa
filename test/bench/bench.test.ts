// Smoke test of the benchmark harness's pure parts; the benchmark itself runs only with `npm run bench`.
import { describe, expect, it } from 'vitest';
import { REFERENCE_PATTERNS, referencePatternFile } from '../../bench/reference-patterns.js';
import { canaryLines } from '../../bench/scenarios.js';
import { mbPerSecond, median, medianPairwiseRatio } from '../../bench/stats.js';
import { formatMs, formatRatio, markdownTable } from '../../bench/table.js';

describe('bench stats', () => {
  it('takes the median of odd and even counts without reordering the input', () => {
    const values = [5, 1, 3];
    expect(median(values)).toBe(3);
    expect(values).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('pairs runs of the same round for ratios and ignores unpaired extra runs', () => {
    expect(medianPairwiseRatio([2, 4, 9], [1, 1, 3])).toBe(3);
    expect(medianPairwiseRatio([10, 20, 30], [5])).toBe(2);
  });

  it('computes MiB per second', () => {
    expect(mbPerSecond(2 * 1024 * 1024, 500)).toBe(4);
  });
});

describe('ripgrep reference patterns', () => {
  it('are literal-anchored and valid regexes, one per line of the pattern file', () => {
    expect(referencePatternFile().trimEnd().split('\n')).toEqual(REFERENCE_PATTERNS.map((entry) => entry.pattern));
    for (const { pattern } of REFERENCE_PATTERNS) {
      expect(() => new RegExp(pattern.replace(/^\(\?i\)/, ''), 'i')).not.toThrow();
      expect(pattern).toMatch(/[A-Za-z]{3}/);
    }
  });
});

describe('bench report helpers', () => {
  it('renders a markdown table and escapes pipes in cells', () => {
    expect(markdownTable(['a', 'b'], [['x | y', 2]])).toBe('| a | b |\n| --- | --- |\n| x \\| y | 2 |');
  });

  it('formats durations and ratios', () => {
    expect(formatMs(85.4)).toBe('85 ms');
    expect(formatMs(1234)).toBe('1.23 s');
    expect(formatMs(65_432)).toBe('65.4 s');
    expect(formatRatio(1.234)).toBe('1.23×');
    expect(formatRatio(250.4)).toBe('250×');
  });

  it('locates canary secrets by line in both canary formats', () => {
    const js = `// canary\nmodule.exports = {\n  GITHUB_TOKEN: "gh${'p'}_0123456789abcdefghij0123456789abcdef",\n};\n`;
    expect([...canaryLines(js)]).toEqual([[3, 'GITHUB_TOKEN']]);
    expect([...canaryLines(`# dev\nAWS_ACCESS_KEY_ID=AK${'IA'}ABCDEFGHIJKLMNOP\n`)]).toEqual([[2, 'AWS_ACCESS_KEY_ID']]);
  });
});
