import { describe, expect, it } from 'vitest';
import { isProviderOwned, providerOwnedFilter } from '../../../src/detect/filters/provider-owned.js';
import { expandTemplate } from '../../../src/rules/template.js';
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

  // Developer and cloud keys, as templates (expanded at run time: no key-shaped literal here).
  it.each([
    'pypi-AgEIcHlwaS5vcmc{{urlsafe 80}}', 'xkeysib-{{hex 64}}-{{alnum 16}}', 'NRAK-{{uppernum 27}}', 'sntryu_{{hex 64}}', 'shpat_{{hex 32}}',
    'shpss_{{hex 32}}', 'sq0csp-{{urlsafe 43}}', 'EAAA{{alnum 60}}', 'access_token$production${{lowernum 16}}${{hex 32}}', 'lin_api_{{alnum 40}}',
    'ntn_{{digit 11}}{{alnum 35}}', 'ATATT3{{urlsafe 186}}', 'figd_{{urlsafe 40}}', 'PMAK-{{hex 24}}-{{hex 34}}', 'hvs.{{alnum 24}}',
    'dp.st.{{alnum 43}}', 'HRKU-AA{{urlsafe 58}}', 'dop_v1_{{hex 64}}', 'fo1_{{urlsafe 43}}', 'fm2_{{base64 120}}', 'nfp_{{alnum 36}}',
    'v1.0-{{hex 24}}-{{hex 146}}', 'dapi{{hex 32}}', 'mdb_sa_sk_{{urlsafe 40}}', 'pscale_pw_{{urlsafe 43}}', 'tskey-auth-k{{alnum 10}}-{{alnum 32}}',
    'dckr_pat_{{urlsafe 27}}', 'glsa_{{alnum 32}}_{{hex 8}}', 'glc_{{base64 80}}', 'pul-{{hex 40}}', 'ops_eyJ{{base64 300}}', 'glptt-{{hex 40}}',
    'LTAI{{alnum 20}}', 'AKID{{alnum 32}}', 'AQVN{{urlsafe 36}}', 'pat-na1-{{hex 8}}-{{hex 4}}-{{hex 4}}-{{hex 4}}-{{hex 12}}', 'shippo_live_{{hex 40}}',
    'CFPAT-{{urlsafe 43}}', 'rubygems_{{hex 48}}', 'dt0c01.{{uppernum 24}}.{{uppernum 64}}', 'sgp_{{hex 40}}', 'squ_{{hex 40}}',
    'key-{{lowernum 32}}', '{{hex 32}}-us21', 'SK{{hex 32}}', '{{alnum 3}}8Q~{{alnum 34}}', 'access-production-{{hex 8}}-{{hex 4}}-{{hex 4}}-{{hex 4}}-{{hex 12}}',
    'dnkey-{{alnum 26}}-{{alnum 52}}', 'sm_pat_{{alnum 16}}',
  ])('drops developer and cloud keys: %s', (template) => {
    const key = expandTemplate(template, `provider-owned:${template}`);
    expect(isProviderOwned(genericCandidate(`api_key = "${key}"`, key))).toBe(true);
  });

  it.each([
    `TWILIO_AUTH_TOKEN=${body}`,
    `DD_API_KEY=${body}`,
    `DATADOG_APP_KEY=${body}`,
    `SENTRY_AUTH_TOKEN=${body}`,
    `CLOUDFLARE_API_TOKEN=${body}`,
    `CF_API_TOKEN=${body}`,
    `VERCEL_TOKEN=${body}`,
    `NETLIFY_AUTH_TOKEN=${body}`,
    `HEROKU_API_KEY=${body}`,
    `TF_API_TOKEN=${body}`,
    `TS_AUTHKEY=${body}`,
    `OP_SERVICE_ACCOUNT_TOKEN=${body}`,
    `OKTA_API_TOKEN=${body}`,
    `LAUNCHDARKLY_SDK_KEY=${body}`,
    `POSTMARK_SERVER_TOKEN=${body}`,
    `ALIBABA_CLOUD_ACCESS_KEY=${body}`,
  ])('drops values assigned to developer and cloud key variables: %s', (line) => {
    expect(isProviderOwned(genericCandidate(line, body!))).toBe(true);
  });

  it.each([
    // Providers with older unprefixed formats that no provider rule judges stay with the generic rules.
    `SHOPIFY_ACCESS_TOKEN=${body}`,
    `SONAR_TOKEN=${body}`,
    `DIGITALOCEAN_TOKEN=${body}`,
    // A provider's other secrets, and words that merely contain an abbreviation.
    `PAYPAL_CLIENT_SECRET="${body}"`,
    `ADD_API_KEY=${body}`,
    `STOP_TOKEN=${body}`,
  ])('keeps other developer and cloud secrets: %s', (line) => {
    expect(isProviderOwned(genericCandidate(line, body!))).toBe(false);
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
