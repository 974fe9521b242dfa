/**
 * The claims of a JSON Web Token, read without verifying it: enough to tell which kind of key a
 * JWT-shaped secret is (a Supabase `service_role` key and its public `anon` sibling differ only
 * in their `role` claim).
 */
export function jwtClaims(token: string): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** True when `token` is a JWT whose payload has every one of `expected`'s claim values. */
export function hasJwtClaims(token: string, expected: Readonly<Record<string, string>>): boolean {
  const claims = jwtClaims(token);
  return claims !== null && Object.entries(expected).every(([name, value]) => claims[name] === value);
}
