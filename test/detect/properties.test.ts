import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Detector } from '../../src/detect/detector.js';
import { compileRules } from '../../src/rules/compile.js';
import { loadBuiltinRules } from '../../src/rules/load.js';
import { fakeKeys } from '../helpers/fake-keys.js';

/** Property tests over the detector (fast-check): random input, keys at random places. */
describe('detector properties', async () => {
  const detector = new Detector(compileRules(await loadBuiltinRules()));
  const detect = (text: string | Uint8Array) => detector.detect({ path: 'src/app.txt', content: Buffer.from(text) });
  // Text that holds no key: words, spaces, line breaks of every kind, a few symbols.
  const plainText = fc
    .array(fc.constantFrom('lorem', 'ipsum', 'key', 'token', ' ', ' ', '\n', '\r\n', '\r', '=', '"', '\t', 'é', '#'), { maxLength: 200 })
    .map((parts) => parts.join(''));

  it('never throws on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
      detect(bytes);
    }), { numRuns: 200 });
  });

  it('never throws on random text, and finds nothing in text without a key', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2048, unit: 'binary' }), (text) => {
      detect(text);
    }), { numRuns: 200 });
    fc.assert(fc.property(plainText, (text) => {
      expect(detect(text)).toEqual([]);
    }), { numRuns: 200 });
  });

  it('finds a key inserted anywhere at its line and column; removing it removes the finding', () => {
    fc.assert(fc.property(plainText, fc.nat(), (text, at) => {
      const offset = at % (text.length + 1);
      // Between spaces, so the key is a word of its own; a CR just before a LF would make one break.
      const before = text.slice(0, offset).replace(/\r$/, '');
      const key = fakeKeys.github();
      const withKey = `${before} ${key} ${text.slice(offset)}`;
      const findings = detect(withKey).filter((finding) => finding.rawSecret === key);
      const linesBefore = `${before} `.split(/\r\n?|\n/);
      expect(findings.map(({ line, column }) => ({ line, column }))).toEqual([
        { line: linesBefore.length, column: [...linesBefore[linesBefore.length - 1]!].length + 1 },
      ]);
      expect(detect(`${before}  ${text.slice(offset)}`)).toEqual([]);
    }), { numRuns: 200 });
  });
});
