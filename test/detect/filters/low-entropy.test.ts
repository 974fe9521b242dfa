import { describe, expect, it } from 'vitest';
import { alphabetSize, isLowEntropy, lowEntropyFilter } from '../../../src/detect/filters/low-entropy.js';
import { ALPHABETS, randomKeys, randomString, seededRandom, type AlphabetName } from '../random-keys.js';

describe('alphabetSize', () => {
  it.each([
    ['0123456789', 10],
    ['deadbeef0123', 16],
    ['DEADBEEF0123', 16],
    ['abcxyz', 26],
    ['abcxyz123', 36],
    ['abcXYZ123', 62],
    ['abcXYZ123+/', 64],
  ])('%s is drawn from %i symbols', (value, size) => {
    expect(alphabetSize(value)).toBe(size);
  });
});

describe('low-entropy filter', () => {
  it('applies to generic rules only', () => {
    expect(lowEntropyFilter.appliesTo).toBe('generic');
  });

  it.each(['aaaaaaaaaaaaaaaaaaaa', 'aaaaaaaabbbbbbbb', 'ababababcdcdcdcd', '1111111122222222', 'deadbeefdeadbeefdeadbeef', 'zzzzzzzzyyyyyyyyxxxxxxxx'])(
    'drops %s',
    (value) => {
      expect(isLowEntropy(value)).toBe(true);
    },
  );

  const lengths = [8, 12, 16, 20, 24, 32, 40, 64, 100, 200];
  const alphabets: AlphabetName[] = ['hex', 'base36', 'base36Upper', 'base62', 'base64url', 'base64'];
  it.each(alphabets)('keeps random %s keys of every length', (alphabet) => {
    const dropped = lengths.flatMap((length) => randomKeys(alphabet, length, 500).filter(isLowEntropy));
    expect(dropped).toEqual([]);
  });

  it('keeps random digit strings', () => {
    const random = seededRandom(7);
    const numbers = Array.from({ length: 2000 }, () => randomString(random, '0123456789', 24));
    expect(numbers.filter(isLowEntropy)).toEqual([]);
  });

  it('keeps JWTs, whose header and payload are base64 of JSON', () => {
    const random = seededRandom(3);
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const jwts = Array.from({ length: 500 }, (_, index) =>
      [
        encode({ alg: 'HS256', typ: 'JWT' }),
        encode({ sub: String(100000 + index), role: 'service_role', iat: 1700000000 + index }),
        randomString(random, ALPHABETS.base64url, 43),
      ].join('.'),
    );
    expect(jwts.filter(isLowEntropy)).toEqual([]);
  });

  it('keeps base64 of a JSON credentials file', () => {
    const random = seededRandom(5);
    const credentials = {
      type: 'service_account',
      project_id: 'my-project',
      private_key_id: randomString(random, ALPHABETS.hex, 40),
      private_key: randomString(random, ALPHABETS.base64, 1600),
      client_email: 'svc@my-project.iam.gserviceaccount.com',
    };
    expect(isLowEntropy(Buffer.from(JSON.stringify(credentials)).toString('base64'))).toBe(false);
  });
});
