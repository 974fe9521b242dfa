import { isPrintableText, type EncodedRegion } from './region.js';

/**
 * Base64 values that hold credentials: Kubernetes Secret `data:` values, docker `auths.*.auth`
 * (user:token), `.npmrc` `_auth`, HTTP Basic credentials and, generally, a base64 value assigned to
 * a secret-like name. Only values that decode to printable text are kept: a random key is valid
 * base64 too, but decodes to binary noise.
 */

const MIN_LENGTH = 12;
/** Long enough for a docker config.json with many registries, short enough to stay cheap. */
const MAX_LENGTH = 64 * 1024;

/**
 * The rest of a secret-like name (the detector passes where its secret word is), an operator or a
 * space (YAML `name: value`, `Basic value`, `_auth=value`) and a base64 value. Sticky: tried at
 * one offset.
 */
const VALUE_AFTER_NAME = new RegExp(
  `[\\w.-]*(?:["'\\]]?[ \\t]*(?:=>|:=|=|:)[ \\t]*|[ \\t]+)["']?([A-Za-z0-9+/_-]{${MIN_LENGTH},${MAX_LENGTH}}={0,2})(?![A-Za-z0-9+/=_-])`,
  'y',
);

/** Every `name: value` of a Kubernetes Secret (YAML or JSON), whose `data` values are all base64. */
const SECRET_DATA_VALUE = new RegExp(
  `(?:^|[\\s{,])["']?[\\w.-]+["']?[ \\t]*:[ \\t]*["']?([A-Za-z0-9+/]{${MIN_LENGTH},${MAX_LENGTH}}={0,2})["']?[ \\t]*(?=$|[,}\\r])`,
  'gm',
);
/**
 * `kind: Secret` (YAML) and `"kind": "Secret"` (JSON, with or without the space); the prefilter
 * finds them (in either case, so the decoder checks the case) in its pass over the bytes.
 */
export const SECRET_KIND_MARKERS = ['kind: Secret', '"kind": "Secret"', '"kind":"Secret"'];

/**
 * Base64 values right after the names whose secret words are at `nameWords` (lists of offsets, in
 * any order), and every value of a text that is a Kubernetes Secret (`kind: Secret` at `kinds`).
 */
export function base64Regions(text: string, nameWords: ReadonlyArray<readonly number[]>, kinds: readonly number[], limit: number): EncodedRegion[] {
  const regions: EncodedRegion[] = [];
  const taken = new Set<number>();
  const add = (start: number, value: string): void => {
    if (regions.length >= limit || taken.has(start)) return;
    const region = decodeValue(start, value);
    if (!region) return;
    taken.add(start);
    regions.push(region);
  };
  for (const offsets of nameWords) {
    for (const nameWord of offsets) {
      VALUE_AFTER_NAME.lastIndex = nameWord;
      const match = VALUE_AFTER_NAME.exec(text);
      if (match) add(match.index + match[0].length - match[1]!.length, match[1]!);
    }
  }
  if (kinds.some((at) => SECRET_KIND_MARKERS.some((marker) => text.startsWith(marker, at)))) {
    SECRET_DATA_VALUE.lastIndex = 0;
    for (let match = SECRET_DATA_VALUE.exec(text); match !== null; match = SECRET_DATA_VALUE.exec(text)) {
      const value = match[1]!;
      add(match.index + match[0].lastIndexOf(value), value);
    }
  }
  return regions;
}

function decodeValue(start: number, value: string): EncodedRegion | null {
  const body = value.replace(/=+$/, '');
  if (body.length % 4 === 1) return null;
  const decoded = Buffer.from(body, /[-_]/.test(body) ? 'base64url' : 'base64').toString('latin1');
  if (decoded.length < 8 || !isPrintableText(decoded)) return null;
  const end = start + value.length;
  return { encoding: 'base64', start, end, decoded, encodedSpan: () => ({ start, end }) };
}
