import { describe, expect, it } from 'vitest';
import { isPublicKeyToken, publicKeyTokenFilter } from '../../../src/detect/filters/public-key-token.js';
import { randomKeys } from '../random-keys.js';
import { genericCandidate, providerCandidate } from './candidates.js';

describe('public-key-token filter', () => {
  const [token] = randomKeys('hex', 16, 1);

  it('applies to every rule, as the check is specific to the PublicKeyToken name', () => {
    expect(publicKeyTokenFilter.appliesTo).toBe('all');
  });

  it.each([
    `<assemblyIdentity name="Newtonsoft.Json" publicKeyToken="${token}" culture="neutral" />`,
    `<Reference Include="System.Web.Mvc, Version=5.2.3.0, Culture=neutral, PublicKeyToken=${token}" />`,
    `Type t = Type.GetType("Foo.Bar, Foo, Version=1.0.0.0, Culture=neutral, PublicKeyToken = ${token}");`,
  ])('drops the token in %s', (line) => {
    expect(isPublicKeyToken(genericCandidate(line, token!, 'Web.config'))).toBe(true);
  });

  it.each([`api_key = "${token}"`, `<add key="PublicKey" value="${token}" />`, `token: ${token}`])('keeps %s', (line) => {
    expect(isPublicKeyToken(genericCandidate(line, token!))).toBe(false);
  });

  it('judges provider candidates by the same line', () => {
    expect(isPublicKeyToken(providerCandidate(token!, `PublicKeyToken=${token}`))).toBe(true);
  });
});
