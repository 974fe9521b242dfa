import { randomBytes } from 'node:crypto';

/**
 * Fake keys of real shapes, built at run time so that no key-shaped literal sits in the test
 * sources (the repository passes its own scan). Each call gives a new random key.
 */
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URLSAFE = `${ALNUM}_-`;
const BASE32_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const HEX = '0123456789abcdef';

export function randomFrom(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i]! % alphabet.length];
  return out;
}

const OPENAI_MARKER = ['T3Blbk', 'FJ'].join('');

export const fakeKeys = {
  openaiProject: () => `sk-${'proj'}-${randomFrom(URLSAFE, 74)}${OPENAI_MARKER}${randomFrom(URLSAFE, 74)}`,
  openaiLegacy: () => `sk-${randomFrom(ALNUM, 20)}${OPENAI_MARKER}${randomFrom(ALNUM, 20)}`,
  anthropic: () => `sk-${'ant'}-api03-${randomFrom(URLSAFE, 93)}AA`,
  github: () => `gh${'p'}_${randomFrom(ALNUM, 36)}`,
  awsAccessKeyId: () => `AK${'IA'}${randomFrom(BASE32_UPPER, 16)}`,
  google: () => `AI${'za'}${randomFrom(URLSAFE, 35)}`,
  huggingface: () => `h${'f'}_${randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 34)}`,
  genericHex40: () => randomFrom(HEX, 40),
};
