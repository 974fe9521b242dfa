// Smoke test of the benchmark harness's pure parts; the benchmark itself runs only with `npm run bench`.
import { describe, expect, it } from 'vitest';
import { jsToRgPattern, relaxVariableLookbehinds, rulesToPatternFile } from '../../bench/rg-patterns.js';
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

describe('JavaScript regex to ripgrep pattern', () => {
  it('keeps plain patterns and scopes the i flag to the pattern', () => {
    expect(jsToRgPattern('(sk-proj-[A-Za-z0-9_-]{20,})')).toBe('(sk-proj-[A-Za-z0-9_-]{20,})');
    expect(jsToRgPattern('api_key\\s*=\\s*([a-f0-9]{40})', 'i')).toBe('(?i:api_key\\s*=\\s*([a-f0-9]{40}))');
  });

  it('drops group names and turns back-references relative, so joined patterns do not collide', () => {
    expect(jsToRgPattern('(?<q>[\'"])(?<secret>\\w+)\\k<q>')).toBe('([\'"])(\\w+)\\g{-2}');
    expect(jsToRgPattern('(a)(?:b)(c)\\2')).toBe('(a)(?:b)(c)\\g{-1}');
    expect(jsToRgPattern('(?<=key=)(\\w+)(?!x)')).toBe('(?<=key=)(\\w+)(?!x)');
  });

  it('maps JavaScript-only syntax onto PCRE2', () => {
    expect(jsToRgPattern('a[^]b[]')).toBe('a[\\s\\S]b(?!)');
    expect(jsToRgPattern('\\u2026\\u0041\\v\\e[[x]')).toBe('\\xe2\\x80\\xa6\\x41\\x0be[\\[x]');
    expect(() => jsToRgPattern('[^\\u2026]')).toThrow('U+2026 inside a class');
    expect(jsToRgPattern('https:\\/\\/x\\.y')).toBe('https:\\/\\/x\\.y');
  });

  it('removes only the look-behinds of variable length', () => {
    expect(relaxVariableLookbehinds('(?<![A-Za-z0-9_-])(?<=(?:api|secret)[_.-]?key)=(\\w+)')).toBe('(?<![A-Za-z0-9_-])=(\\w+)');
    expect(relaxVariableLookbehinds('(?<=\\\\[nrt])(?<=[)(]{2})(?<!ab|cde)x')).toBe('(?<=\\\\[nrt])(?<=[)(]{2})(?<!ab|cde)x');
    expect(relaxVariableLookbehinds('(?<=a{1,3})x')).toBe('x');
  });

  it('keeps the patterns rg accepts, loosens or leaves out the others and says which', () => {
    const rejects = (pattern: string) => (/\(\?<[=!][^)]*[?*]/.test(pattern) ? 'lookbehind assertion is not fixed length' : null);
    const file = rulesToPatternFile(
      [
        { id: 'ok', pattern: 'AKIA([A-Z2-7]{16})' },
        { id: 'loose', pattern: '(?<=key_?)=(\\w+)' },
        { id: 'forward', pattern: '\\1(a)' },
      ],
      rejects,
    );
    expect(file.text).toBe('AKIA([A-Z2-7]{16})\n=(\\w+)\n');
    expect(file.relaxed).toEqual(['loose']);
    expect(file.skipped).toEqual([{ id: 'forward', reason: expect.stringContaining('group 1') }]);
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
