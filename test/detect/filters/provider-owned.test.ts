import { describe, expect, it } from 'vitest';
import { isProviderOwned, providerOwnedFilter } from '../../../src/detect/filters/provider-owned.js';
import { randomKeys, randomProviderKeys } from '../random-keys.js';
import { genericCandidate } from './candidates.js';

describe('provider-owned filter', () => {
  const [body] = randomKeys('base62', 32, 1);

  it('applies to generic rules only, so provider rules still judge their own keys', () => {
    expect(providerOwnedFilter.appliesTo).toBe('generic');
  });

  it('drops values that start with a provider prefix', () => {
    const keys = [...randomProviderKeys(70), `sk_test_${body}`, `pk_live_${body}`, `xoxb-${body}`, `glpat-${body}`, `SG.${body}`];
    const kept = keys.filter((key) => !isProviderOwned(genericCandidate(`api_key = "${key}"`, key)));
    expect(kept).toEqual([]);
  });

  it.each([
    `OPENAI_API_KEY="${body}"`,
    `export const OPENAI_API_KEY = "${body}";`,
    `COHERE_API_KEY = "${body}"`,
    `AWS_SECRET_ACCESS_KEY=${body}`,
    `GITHUB_TOKEN=${body}`,
    `NEXT_PUBLIC_STRIPE_KEY="${body}"`,
    `HUGGING_FACE_HUB_TOKEN=${body}`,
    `GOOGLE_GENERATIVE_AI_API_KEY=${body}`,
    `gh_token: ${body}`,
    `azure_openai_key = "${body}"`,
  ])('drops values assigned to provider key variables: %s', (line) => {
    expect(isProviderOwned(genericCandidate(line, body!))).toBe(true);
  });

  it.each([
    `WANDB_API_KEY = "${body}"`,
    // A provider's other secrets have no provider rule.
    `STRIPE_WEBHOOK_SECRET="${body}"`,
    `SLACK_SIGNING_SECRET="${body}"`,
    // An abbreviation counts only as a whole word.
    `HIGH_TOKEN=${body}`,
    `const apiKey = "${body}";`,
  ])('keeps other secrets: %s', (line) => {
    expect(isProviderOwned(genericCandidate(line, body!))).toBe(false);
  });

  it('judges prefixes case-sensitively, as providers write them', () => {
    const value = `AKIA${body!.toUpperCase().slice(0, 16)}`.toLowerCase();
    expect(isProviderOwned(genericCandidate(`token = "${value}"`, value))).toBe(false);
  });
});
