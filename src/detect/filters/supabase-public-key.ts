import type { Candidate, Filter } from './filter.js';
import { jwtClaims } from '../jwt.js';

/**
 * Supabase's public keys, made to ship in browsers and apps (Row Level Security protects the
 * data): publishable keys (`sb_publishable_…`) and legacy anon keys, JWTs whose payload says
 * `"iss": "supabase"` and `"role": "anon"`. Their secret siblings (`sb_secret_…`, service_role JWTs)
 * have different prefixes or claims and stay reported.
 */
export function isSupabasePublicKey(candidate: Candidate): boolean {
  const { secret } = candidate;
  if (secret.startsWith('sb_publishable_')) return true;
  if (!secret.startsWith('eyJ')) return false;
  const claims = jwtClaims(secret);
  return claims !== null && claims.iss === 'supabase' && claims.role === 'anon';
}

export const supabasePublicKeyFilter: Filter = {
  name: 'supabase-public-key',
  description: 'Drops Supabase publishable keys (sb_publishable_) and anon keys (JWTs with role anon): public by design, protected by Row Level Security.',
  appliesTo: 'all',
  matches: isSupabasePublicKey,
};
