import { describe, expect, it } from 'vitest';
import { isSupabasePublicKey, supabasePublicKeyFilter } from '../../../src/detect/filters/supabase-public-key.js';
import { randomKeys } from '../random-keys.js';
import { genericCandidate } from './candidates.js';

const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const [signature, body] = randomKeys('base64url', 43, 2);
/** A JWT with the given payload and a random signature, built at run time. */
const jwt = (payload: object): string => `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}.${signature}`;

describe('supabase-public-key filter', () => {
  it('applies to every rule, as it decodes the token and checks Supabase claims', () => {
    expect(supabasePublicKeyFilter.appliesTo).toBe('all');
  });

  it.each([
    ['an anon key', jwt({ iss: 'supabase', ref: 'qzvbkmtwpxrhjdlnfcgs', role: 'anon', iat: 1718000000, exp: 2033576000 })],
    ['an older anon key with the role first', jwt({ role: 'anon', iss: 'supabase', iat: 1640000000, exp: 1955576000 })],
    ['a publishable key', `sb_publishable_${body!.slice(0, 22)}_${body!.slice(22, 30)}`],
  ])('drops %s', (_, key) => {
    expect(isSupabasePublicKey(genericCandidate(`SUPABASE_KEY=${key}`, key))).toBe(true);
  });

  it.each([
    ['a service_role key', jwt({ iss: 'supabase', ref: 'qzvbkmtwpxrhjdlnfcgs', role: 'service_role' })],
    ['an anon role from another issuer', jwt({ iss: 'https://auth.example.com', role: 'anon' })],
    ['a secret key', `sb_secret_${body!.slice(0, 31)}`],
    ['a token whose payload is not JSON', `eyJhbGciOiJIUzI1NiJ9.${body}.${signature}`],
  ])('keeps %s', (_, key) => {
    expect(isSupabasePublicKey(genericCandidate(`SUPABASE_KEY=${key}`, key))).toBe(false);
  });
});
