import { base64Regions, SECRET_KIND_MARKERS } from './base64.js';
import { JSON_ESCAPE_MARKERS, jsonEscapeRegions } from './json-escape.js';
import type { EncodedRegion } from './region.js';
import { URL_ESCAPE_MARKERS, urlEncodedRegions } from './url-encoding.js';

export type { EncodedRegion, Encoding } from './region.js';

/**
 * Decoding is bounded so that it costs little on real code: only candidate regions (an escape
 * next to key characters, a base64 value after a secret-like name or in a Kubernetes Secret), at
 * most this many regions of each encoding per text, and decoded texts are decoded again at most
 * once more (a docker config.json inside a Secret's `.dockerconfigjson`, base64 inside JSON).
 */
export const MAX_DECODING_DEPTH = 2;
const MAX_REGIONS_PER_ENCODING = 64;

/** Strings whose offsets the prefilter collects for the decoders (case-insensitively). */
export const DECODING_MARKERS: readonly string[] = [...JSON_ESCAPE_MARKERS, ...URL_ESCAPE_MARKERS, ...SECRET_KIND_MARKERS];

/**
 * The encoded regions of `text`, in no particular order. `markers` are the offsets of each of
 * DECODING_MARKERS; `nameWords` are lists of where the secret words of names are (key, token …),
 * after which base64 is looked for.
 */
export function encodedRegions(text: string, markers: ReadonlyMap<string, readonly number[]>, nameWords: ReadonlyArray<readonly number[]>): EncodedRegion[] {
  const offsetsOf = (names: readonly string[]): readonly number[] => {
    const lists = names.flatMap((name) => markers.get(name) ?? []);
    return lists.length < 2 ? lists : lists.sort((a, b) => a - b);
  };
  if (markers.size === 0) return base64Regions(text, nameWords, [], MAX_REGIONS_PER_ENCODING);
  return [
    ...jsonEscapeRegions(text, offsetsOf(JSON_ESCAPE_MARKERS), MAX_REGIONS_PER_ENCODING),
    ...urlEncodedRegions(text, offsetsOf(URL_ESCAPE_MARKERS), MAX_REGIONS_PER_ENCODING),
    ...base64Regions(text, nameWords, offsetsOf(SECRET_KIND_MARKERS), MAX_REGIONS_PER_ENCODING),
  ];
}
