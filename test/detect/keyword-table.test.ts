import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeywordAutomaton } from '../../src/detect/keyword-automaton.js';
import { keywordTable, readKeywordTable, writeKeywordTable, builtinKeywordTable, KEYWORD_TABLE_FILE } from '../../src/detect/keyword-table.js';
import { Prefilter } from '../../src/detect/prefilter.js';
import { DECODING_MARKERS } from '../../src/detect/decode/index.js';
import { compileRules } from '../../src/rules/compile.js';
import { loadBuiltinRules } from '../../src/rules/load.js';
import type { RuleDefinition } from '../../src/rules/types.js';
import { makeTempDir, removeTestRepos } from '../helpers/git-repo.js';
import { seededRandom } from './random-keys.js';

afterAll(removeTestRepos);

const KEYWORDS = ['api-key', 'key', 't3blbkfj', 'a3t', 'keykey', '://', '\u00e4x', 'sk-proj-'];

function randomText(seed: number, length: number): Buffer {
  const random = seededRandom(seed);
  const alphabet = 'keyKEYapi-t3blbkfjA3T:/ \u00e4\u00c4xsSkprojPROJ';
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
  return Buffer.from(text, 'utf8');
}

function customRule(id: string, keywords: string[]): RuleDefinition {
  return { id, name: id, provider: 'Test', severity: 'high', description: 'test rule', keywords, pattern: '(x)', references: ['https://example.com'] };
}

describe('stored keyword tables', () => {
  it('read back, they scan exactly as the automaton built from the keywords', () => {
    const file = join(makeTempDir(), 'table.bin');
    writeKeywordTable(file, keywordTable(KEYWORDS));
    const stored = readKeywordTable(file);
    expect(stored?.keywords).toEqual(KEYWORDS);
    const built = new KeywordAutomaton(KEYWORDS);
    const loaded = new KeywordAutomaton(stored!);
    for (let seed = 1; seed <= 20; seed++) {
      const text = randomText(seed, 3000);
      expect(loaded.scan(text)).toEqual(built.scan(text));
    }
  });

  it('are refused when missing, from another format or cut short', () => {
    const dir = makeTempDir();
    expect(readKeywordTable(join(dir, 'missing.bin'))).toBeNull();
    const file = join(dir, 'table.bin');
    writeKeywordTable(file, keywordTable(KEYWORDS));
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 2));
    expect(readKeywordTable(file)).toBeNull();
    writeFileSync(file, Buffer.concat([Buffer.from('keyguard-keyword-table 0'), bytes.subarray(24)]));
    expect(readKeywordTable(file)).toBeNull();
    writeFileSync(file, 'not a table at all');
    expect(readKeywordTable(file)).toBeNull();
  });

  it('the build stores the table of the built-in rules and their decoding markers', async () => {
    const rules = compileRules(await loadBuiltinRules());
    const built = new Prefilter(rules, DECODING_MARKERS, null);
    expect(readKeywordTable(KEYWORD_TABLE_FILE)?.keywords).toEqual(built.keywords);
    expect(new Prefilter(rules, DECODING_MARKERS).keywords).toBe(builtinKeywordTable()!.keywords);
  });
});

describe('Prefilter with a stored table', () => {
  const stored = keywordTable(KEYWORDS);
  const hitsOf = (prefilter: Prefilter, text: Buffer) =>
    [...prefilter.scan(text).rules].map(([rule, offsets]) => [rule.definition.id, offsets] as const).sort();

  it('uses it for rules whose keywords it holds (some of them: other keywords find no rule), with the same hits', () => {
    const rules = compileRules([customRule('dashed', ['api-key']), customRule('plain', ['key', 'keykey'])]);
    const fromTable = new Prefilter(rules, ['://'], stored);
    const built = new Prefilter(rules, ['://'], null);
    expect(fromTable.keywords).toBe(stored.keywords);
    expect(built.keywords).toEqual(['api-key', 'key', 'keykey', '://']);
    for (let seed = 1; seed <= 20; seed++) {
      const text = randomText(seed, 3000);
      expect(hitsOf(fromTable, text)).toEqual(hitsOf(built, text));
      expect(fromTable.scan(text).markers).toEqual(built.scan(text).markers);
    }
  });

  it('builds its own table when a rule has a keyword the stored one lacks', () => {
    const rules = compileRules([customRule('custom', ['acme_'])]);
    const prefilter = new Prefilter(rules, [], stored);
    expect(prefilter.keywords).toEqual(['acme_']);
    expect(hitsOf(prefilter, Buffer.from('x ACME_ y'))).toEqual([['custom', [2]]]);
  });
});
