import { describe, expect, it } from 'vitest';
import { automatonTable, KeywordAutomaton, type AutomatonTable } from '../../src/detect/keyword-automaton.js';
import { seededRandom } from './random-keys.js';

function occurrences(automaton: KeywordAutomaton, text: string): Array<[number, number]> {
  const pairs = automaton.scan(Buffer.from(text, 'utf8'));
  const found: Array<[number, number]> = [];
  for (let index = 0; index < pairs.length; index += 2) found.push([pairs[index]!, pairs[index + 1]!]);
  return found;
}

/** Every (keyword, start) by brute force: the reference the automaton must equal. */
function bruteForce(keywords: string[], text: string): Array<[number, number]> {
  const lower = text.toLowerCase();
  const found: Array<[number, number]> = [];
  keywords.forEach((keyword, index) => {
    for (let at = lower.indexOf(keyword); at !== -1; at = lower.indexOf(keyword, at + 1)) found.push([index, at]);
  });
  return found;
}

const byPosition = (a: [number, number], b: [number, number]) => a[1] - b[1] || a[0] - b[0];

describe('KeywordAutomaton', () => {
  it('finds nothing in text without keywords', () => {
    expect(occurrences(new KeywordAutomaton(['key', 'token']), 'nothing to see here')).toEqual([]);
  });

  it('matches ASCII letters in either case', () => {
    expect(occurrences(new KeywordAutomaton(['api_key']), 'API_KEY Api_Key api_key')).toEqual([
      [0, 0],
      [0, 8],
      [0, 16],
    ]);
  });

  it('reports keywords inside, overlapping and repeating each other', () => {
    const keywords = ['api-key', 'key', 't3blbkfj', 'a3t', 'keykey'];
    const automaton = new KeywordAutomaton(keywords);
    expect(occurrences(automaton, 'X-API-Key').sort(byPosition)).toEqual([
      [0, 2],
      [1, 6],
    ]);
    expect(occurrences(automaton, 'xA3T3BlbkFJ').sort(byPosition)).toEqual([
      [3, 1],
      [2, 3],
    ]);
    expect(occurrences(automaton, 'keykeykey').sort(byPosition)).toEqual([
      [1, 0],
      [4, 0],
      [1, 3],
      [4, 3],
      [1, 6],
    ]);
  });

  it('reports, at one end, the longer keyword first', () => {
    expect(occurrences(new KeywordAutomaton(['key', 'apikey']), 'apikey')).toEqual([
      [1, 0],
      [0, 3],
    ]);
  });

  it('folds only ASCII letters: other bytes match exactly', () => {
    expect(occurrences(new KeywordAutomaton(['://', '\u00e4x']), 'https:\\/\\/ a://b \u00c4x \u00e4X://')).toEqual([
      [0, 12],
      [1, 21],
      [0, 24],
    ]);
  });

  it('equals a brute-force search on random text', () => {
    const random = seededRandom(7);
    const keywords = ['key', 'token', 'secret', 'sk-proj-', 'ghp_', 'pass', 'pwd', 'aws', 'a3t', 't3blbkfj', 'xox', 'xoxb-', '://', 'sksk'];
    const automaton = new KeywordAutomaton(keywords);
    const alphabet = 'keyKEYtonsecrtSKPROJ-_ghpaswdA3TblfjxXob:/ ';
    for (let round = 0; round < 50; round++) {
      let text = '';
      for (let i = 0; i < 2000; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(occurrences(automaton, text).sort(byPosition)).toEqual(bruteForce(keywords, text).sort(byPosition));
    }
  });

  it('reports in the order the ends appear, longest first, at every length (the interleaved parts join up)', () => {
    const random = seededRandom(11);
    const keywords = ['key', 'apikey', 'token', 'keykey', 'sk-proj-', 'a3t', 't3blbkfj', 'ghp_'];
    const automaton = new KeywordAutomaton(keywords);
    const endOrder = (a: [number, number], b: [number, number]) =>
      a[1] + keywords[a[0]]!.length - (b[1] + keywords[b[0]]!.length) || keywords[b[0]]!.length - keywords[a[0]]!.length;
    // Keywords at nearly every position, so that every part boundary has some ending next to it.
    const pieces = ['key', 'KEY', 'api', 'ApiKey', 'token', 'k', 'e', 'y', 'sk-proj-', 'a3t', 'T3BlbkFJ', 'ghp_', ' '];
    const lengths = [0, 1, 7, 255, 4099, 20_000, ...Array.from({ length: 200 }, (_, i) => 1000 + i)];
    for (const length of lengths) {
      let text = '';
      while (text.length < length) text += pieces[Math.floor(random() * pieces.length)];
      text = text.slice(0, length);
      expect(occurrences(automaton, text)).toEqual(bruteForce(keywords, text).sort(endOrder));
    }
  });

  it('numbers the states where keywords end last, and scans a table numbered otherwise the same', () => {
    const keywords = ['api-key', 'key', 'token', 'secret', 'sk-', 't3blbkfj', 'ghp_', 'aws'];
    const table = automatonTable(keywords);
    const first = table.endings.findIndex((found) => found.length > 0);
    expect(first).toBeGreaterThan(0);
    expect(table.endings.every((found, state) => found.length > 0 === state >= first)).toBe(true);
    // The same automaton with its states in reverse order (the root kept first), as a table stored
    // by another build might number them.
    const states = table.endings.length;
    const position = (state: number) => (state === 0 ? 0 : states - state);
    const transitions = new Uint16Array(table.transitions.length);
    for (let state = 0; state < states; state++) {
      for (let byte = 0; byte < 256; byte++) transitions[position(state) * 256 + byte] = position(table.transitions[state * 256 + byte]!);
    }
    const endings: AutomatonTable['endings'] = Array.from({ length: states }, (_, at) => table.endings[at === 0 ? 0 : states - at]!);
    const random = seededRandom(20261130);
    const text = Array.from({ length: 4000 }, () => ['key', 'token', 'x', ' ', 'sk-', 'Secret', 'aws', 'T3BlbkFJ', '\n'][Math.floor(random() * 9)]).join('');
    const reference = bruteForce(keywords, text).sort(byPosition);
    expect(occurrences(new KeywordAutomaton(table), text).sort(byPosition)).toEqual(reference);
    expect(occurrences(new KeywordAutomaton({ transitions, endings }), text).sort(byPosition)).toEqual(reference);
  });
});
