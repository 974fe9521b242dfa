import type { Unverifiable, Verifier } from '../verifier.js';
import { anthropic } from './anthropic.js';
import { aws } from './aws.js';
import { azureOpenai } from './azure-openai.js';
import { cohere } from './cohere.js';
import { deepgram } from './deepgram.js';
import { deepseek } from './deepseek.js';
import { elevenlabs } from './elevenlabs.js';
import { fireworks } from './fireworks.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { google } from './google.js';
import { groq } from './groq.js';
import { huggingface } from './huggingface.js';
import { mistral } from './mistral.js';
import { npm } from './npm.js';
import { openai } from './openai.js';
import { openrouter } from './openrouter.js';
import { pinecone } from './pinecone.js';
import { replicate } from './replicate.js';
import { sendgrid } from './sendgrid.js';
import { slack } from './slack.js';
import { stability } from './stability.js';
import { stripe } from './stripe.js';
import { supabase } from './supabase.js';
import { telegram } from './telegram.js';
import { together } from './together.js';
import { xai } from './xai.js';

/** Every verifier: the fixed table of providers, their official hosts and endpoints. */
export const VERIFIERS: readonly Verifier[] = [
  openai, anthropic, google, groq, mistral, deepseek, xai, openrouter, huggingface, replicate, cohere,
  github, slack, stripe, aws, azureOpenai, together, fireworks, elevenlabs, deepgram, npm, gitlab,
  sendgrid, telegram, stability, pinecone, supabase,
];

/** Rules with a particular reason to stay unchecked; every other rule without a verifier gets NO_ENDPOINT. */
export const UNVERIFIABLE: readonly Unverifiable[] = [
  {
    ruleIds: ['qdrant-api-key', 'weaviate-api-key', 'supabase-secret-key', 'supabase-service-role-key', 'langfuse-secret-key'],
    reason: "only the project's own host can check it, and keyguard never sends a key to a host named in scanned content",
  },
  { ruleIds: ['slack-webhook-url'], reason: 'a webhook can only be tested by posting to it' },
  { ruleIds: ['cloudflare-ai-token'], reason: "Cloudflare checks an account-owned token only under the account's id, which the token does not carry" },
  { ruleIds: ['anthropic-oauth-token', 'github-refresh-token', 'slack-config-token', 'slack-app-token'], reason: 'this kind of token has no read-only endpoint to check it with' },
];

export const NO_ENDPOINT = 'keyguard knows no documented, free, read-only endpoint of the provider to check it with';
export const NO_PROVIDER = 'a generic secret or private key has no provider to ask';

const BY_RULE = new Map(VERIFIERS.flatMap((verifier) => verifier.ruleIds.map((ruleId) => [ruleId, verifier] as const)));

export function verifierFor(ruleId: string): Verifier | undefined {
  return BY_RULE.get(ruleId);
}

/** Why a rule's keys are not checked (for rules without a verifier). */
export function unverifiableReason(ruleId: string, provider: string): string {
  const listed = UNVERIFIABLE.find((entry) => entry.ruleIds.includes(ruleId));
  if (listed) return listed.reason;
  return provider === 'Generic' || provider === 'Private key' ? NO_PROVIDER : NO_ENDPOINT;
}

/** What `keyguard rules --format json` says about a rule's verification. */
export function verificationOf(ruleId: string, provider: string): { endpoint: string } | { unverifiable: string } {
  const verifier = verifierFor(ruleId);
  return verifier ? { endpoint: verifier.endpoint } : { unverifiable: unverifiableReason(ruleId, provider) };
}
