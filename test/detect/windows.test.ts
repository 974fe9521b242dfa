import { describe, expect, it } from 'vitest';
import { Detector } from '../../src/detect/detector.js';
import { compileRules } from '../../src/rules/compile.js';
import { loadBuiltinRules } from '../../src/rules/load.js';
import { expandTemplate } from '../../src/rules/template.js';

/**
 * A rule's regex runs only where a match may start: within a few lines of its keywords. Windows
 * close together share one regex run (src/detect/detector.ts collectHits); that must not change
 * what is found, so a match starting between two windows stays unreported, as with a run each.
 */
describe('keyword windows', async () => {
  const rules = compileRules((await loadBuiltinRules()).filter((rule) => rule.id === 'aws-secret-access-key'));
  const secret = expandTemplate('{{base64 40}}', 'windows:aws-secret');
  const detect = (text: string) => new Detector(rules).detect({ path: 'notes.txt', content: Buffer.from(text) }).map((finding) => finding.line);

  // StaticCredentials is context for the rule but not one of its keywords, so the key's line
  // needs a keyword window of its own to be searched.
  const keyLine = `creds := StaticCredentials(${secret})`;
  const filler = (length: number) => '#'.repeat(length);

  it('finds a key within the lines after its keyword', () => {
    expect(detect(['aws', filler(80), keyLine].join('\n'))).toEqual([3]);
  });

  it('does not report a key in the gap between two nearby windows, nor after the last one', () => {
    // Windows: lines 1-4 around line 1's keyword, and from the middle of line 7 (150 characters
    // of reach before line 8's keyword) on: the key on line 6 starts in neither.
    const between = ['aws', filler(80), filler(80), filler(80), filler(80), keyLine, filler(200), 'aws'].join('\n');
    expect(detect(between)).toEqual([]);
    expect(detect(['aws', filler(80), filler(80), filler(80), filler(80), keyLine].join('\n'))).toEqual([]);
    // One line up, the key is in the first window.
    expect(detect(['aws', filler(80), filler(80), keyLine, filler(80), filler(80), filler(200), 'aws'].join('\n'))).toEqual([4]);
  });
});
