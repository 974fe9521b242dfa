/**
 * Random strings shaped like real keys, built at run time so no key-shaped literal sits in the
 * repository. Seeded, so a test that counts how many of them a filter drops is deterministic.
 */

export const ALPHABETS = {
  hex: '0123456789abcdef',
  base36: '0123456789abcdefghijklmnopqrstuvwxyz',
  base36Upper: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  base62: '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  base64url: '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_',
  base64: '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+/',
} as const;

export type AlphabetName = keyof typeof ALPHABETS;

/** mulberry32: small, fast and good enough to stand in for a key generator. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomString(random: () => number, alphabet: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}

/** `count` random keys of `length` characters from the named alphabet. */
export function randomKeys(alphabet: AlphabetName, length: number, count: number, seed = length): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => randomString(random, ALPHABETS[alphabet], length));
}

/** Provider-style keys: a fixed prefix and a long random body, as placeholder-prone as keys get. */
export function randomProviderKeys(count: number, seed = 1): string[] {
  const random = seededRandom(seed);
  const shapes: Array<[prefix: string, alphabet: string, length: number]> = [
    ['sk-proj-', ALPHABETS.base64url, 156],
    ['sk-ant-api03-', ALPHABETS.base64url, 95],
    ['ghp_', ALPHABETS.base62, 36],
    ['AKIA', ALPHABETS.base36Upper, 16],
    ['AIza', ALPHABETS.base64url, 35],
    ['sk_live_', ALPHABETS.base62, 99],
    ['hf_', ALPHABETS.base62, 34],
  ];
  return Array.from({ length: count }, (_, index) => {
    const [prefix, alphabet, length] = shapes[index % shapes.length]!;
    return prefix + randomString(random, alphabet, length);
  });
}
