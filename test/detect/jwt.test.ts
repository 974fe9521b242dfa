import { describe, expect, it } from 'vitest';
import { hasJwtClaims, jwtClaims } from '../../src/detect/jwt.js';
import { randomKeys } from './random-keys.js';

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const [signature] = randomKeys('base64url', 43, 1);

describe('jwtClaims', () => {
  it('reads the payload of a JWT', () => {
    const token = `${encode({ alg: 'HS256' })}.${encode({ role: 'service_role', iss: 'supabase' })}.${signature}`;
    expect(jwtClaims(token)).toEqual({ role: 'service_role', iss: 'supabase' });
    expect(hasJwtClaims(token, { role: 'service_role' })).toBe(true);
    expect(hasJwtClaims(token, { role: 'anon' })).toBe(false);
  });

  it.each([
    ['two parts', `${encode({ alg: 'HS256' })}.${encode({ role: 'x' })}`],
    ['a payload that is not JSON', `${encode({ alg: 'HS256' })}.${signature}.${signature}`],
    ['a payload that is an array', `${encode({ alg: 'HS256' })}.${encode(['role'])}.${signature}`],
    ['an empty payload', `${encode({ alg: 'HS256' })}..${signature}`],
  ])('is null for %s', (_, token) => {
    expect(jwtClaims(token)).toBeNull();
    expect(hasJwtClaims(token, { role: 'x' })).toBe(false);
  });
});
