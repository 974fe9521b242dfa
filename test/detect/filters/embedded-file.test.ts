import { describe, expect, it } from 'vitest';
import { embeddedFileFilter, isEmbeddedFile } from '../../../src/detect/filters/embedded-file.js';
import { randomKeys } from '../random-keys.js';
import { genericCandidate } from './candidates.js';

/** Base64 of a file that starts with the given bytes, padded with random content. */
function base64File(header: string | Buffer): string {
  const [padding] = randomKeys('base62', 120, 1);
  return Buffer.concat([Buffer.from(header), Buffer.from(padding!)]).toString('base64');
}

describe('embedded-file filter', () => {
  it('applies to generic rules only', () => {
    expect(embeddedFileFilter.appliesTo).toBe('generic');
  });

  it('drops the data of a data URI', () => {
    const png = base64File(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const line = `  --icon-key: url("data:image/png;base64,${png}");`;
    expect(isEmbeddedFile(genericCandidate(line, png, 'styles.css'))).toBe(true);
  });

  it('drops a whole data URI', () => {
    const data = `data:font/woff2;base64,${base64File('wOF2')}`;
    expect(isEmbeddedFile(genericCandidate(`fontKey: "${data}"`, data, 'theme.ts'))).toBe(true);
  });

  it('drops an inline source map', () => {
    const map = base64File('{"version":3,"sources":["a.ts"]}');
    const line = `//# sourceMappingURL=data:application/json;charset=utf-8;base64,${map}`;
    expect(isEmbeddedFile(genericCandidate(line, map, 'dist/app.js'))).toBe(true);
  });

  it.each([
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0])],
    ['GIF', 'GIF89a'],
    ['WebP', 'RIFF'],
    ['ICO', Buffer.from([0, 0, 1, 0])],
    ['SVG', '<svg xmlns="http://www.w3.org/2000/svg">'],
    ['XML', '<?xml version="1.0"?>'],
    ['PDF', '%PDF-1.7'],
    ['WOFF', 'wOFF'],
    ['WOFF2', 'wOF2'],
    ['TrueType', Buffer.from([0, 1, 0, 0, 0])],
    ['OpenType', 'OTTO'],
    ['gzip', Buffer.from([0x1f, 0x8b, 0x08, 0x00])],
  ])('drops base64 %s data', (_, header) => {
    const data = base64File(header);
    expect(isEmbeddedFile(genericCandidate(`imageKey: "${data}"`, data))).toBe(true);
  });

  it('keeps a short value that happens to start like a file', () => {
    const value = base64File('GIF').slice(0, 40);
    expect(isEmbeddedFile(genericCandidate(`API_KEY = "${value}"`, value))).toBe(false);
  });

  it('keeps random base64 keys', () => {
    const keys = randomKeys('base64', 88, 2000);
    expect(keys.filter((key) => isEmbeddedFile(genericCandidate(`secret: "${key}"`, key)))).toEqual([]);
  });
});
