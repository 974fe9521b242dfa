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
    `TOGETHER_API_KEY=${body}`,
    `LANGFUSE_SECRET_KEY=${body}`,
    `SAMBANOVA_API_KEY=${body}`,
    `AI_GATEWAY_API_KEY=${body}`,
    `EXA_API_KEY=${body}`,
    `FAL_KEY=${body}`,
    `SUPABASE_SECRET_KEY=${body}`,
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
    // Whole words only for short provider names.
    `HEXA_KEY=${body}`,
    `HALF_KEY=${body}`,
    // Supabase's public keys are judged by their own filter, not owned by the secret-key rules.
    `SUPABASE_ANON_KEY=${body}`,
  ])('keeps other secrets: %s', (line) => {
    expect(isProviderOwned(genericCandidate(line, body!))).toBe(false);
  });

  it('drops the AI providers\' prefixed keys', () => {
    const hex = (length: number): string => randomKeys('hex', length, 1, length + 7)[0]!;
    const keys = [
      `tgp_v1_${randomKeys('base64url', 43, 1)[0]}`,
      `fw_${body!.slice(0, 24)}`,
      `csk-${randomKeys('base36', 48, 1)[0]}`,
      `pa-${randomKeys('base64url', 43, 1)[0]}`,
      `pcsk_${body!.slice(0, 5)}_${randomKeys('base62', 63, 1)[0]}`,
      `lsv2_pt_${hex(32)}_${hex(10)}`,
      `tvly-${body}`,
      `fc-${hex(32)}`,
      `sk_${hex(48)}`,
      `key_${hex(128)}`,
      `vck_${randomKeys('base62', 56, 1)[0]}`,
      `nvapi-${randomKeys('base64url', 64, 1)[0]}`,
      `sb_secret_${body}`,
    ];
    expect(keys.filter((key) => !isProviderOwned(genericCandidate(`token = "${key}"`, key)))).toEqual([]);
  });

  it('counts short prefixes only at their provider\'s exact length', () => {
    for (const value of [`pa-${body}`, `key_${body}`, `fw_${body}`, `fc-${body}`]) {
      expect(isProviderOwned(genericCandidate(`token = "${value}"`, value))).toBe(false);
    }
  });

  it('judges prefixes case-sensitively, as providers write them', () => {
    const value = `AKIA${body!.toUpperCase().slice(0, 16)}`.toLowerCase();
    expect(isProviderOwned(genericCandidate(`token = "${value}"`, value))).toBe(false);
  });
});
