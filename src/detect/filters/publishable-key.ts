import type { Candidate, Filter } from './filter.js';

/**
 * Client-side keys that providers make to be published, recognised by their prefix: Stripe and
 * Clerk publishable keys (`pk_live_`, `pk_test_`), Langfuse public keys (`pk-lf-`). Each only
 * identifies an account or project to the provider, which expects it in browser code; the secret
 * half of each pair (`sk_live_`, `sk-lf-`) has its own prefix and stays reported.
 */
const PUBLISHABLE_PREFIX = /^(?:pk_(?:live|test)_|pk-lf-)/;

export function isPublishableKey(candidate: Candidate): boolean {
  return PUBLISHABLE_PREFIX.test(candidate.secret);
}

export const publishableKeyFilter: Filter = {
  name: 'publishable-key',
  description: 'Drops publishable client-side keys by prefix (Stripe and Clerk pk_live_ / pk_test_, Langfuse pk-lf-), which providers make to be shipped in front-end code.',
  appliesTo: 'all',
  matches: isPublishableKey,
};
