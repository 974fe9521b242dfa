import type { Candidate, Filter } from './filter.js';
import { algoliaSearchKeyFilter } from './algolia-search-key.js';
import { base64OfWordsFilter } from './base64-of-words.js';
import { codeExpressionFilter } from './code-expression.js';
import { detectSecretsBaselineFilter } from './detect-secrets-baseline.js';
import { embeddedFileFilter } from './embedded-file.js';
import { examplePasswordFilter } from './example-password.js';
import { hashNameFilter } from './hash-name.js';
import { hashValueFilter } from './hash-value.js';
import { lockFileFilter } from './lock-file.js';
import { lowEntropyFilter } from './low-entropy.js';
import { madeOfWordsFilter } from './made-of-words.js';
import { nonSecretNameFilter } from './non-secret-name.js';
import { pathOrUrlFilter } from './path-or-url.js';
import { placeholderFilter } from './placeholder.js';
import { plainValueFilter } from './plain-value.js';
import { providerOwnedFilter } from './provider-owned.js';
import { publicKeyFilter } from './public-key.js';
import { publicKeyTokenFilter } from './public-key-token.js';
import { publishableKeyFilter } from './publishable-key.js';
import { repeatedOrSequentialFilter } from './repeated-or-sequential.js';
import { resourceNameFilter } from './resource-name.js';
import { sentryDsnFilter } from './sentry-dsn.js';
import { subresourceIntegrityFilter } from './subresource-integrity.js';
import { supabasePublicKeyFilter } from './supabase-public-key.js';
import { templateFilter } from './template.js';
import { unquotedInCodeFilter } from './unquoted-in-code.js';
import { uuidFilter } from './uuid.js';
import { versionOrDateFilter } from './version-or-date.js';

export type { Candidate, Filter } from './filter.js';

/**
 * Every filter in the order it runs: cheap checks on the line and path first, then the value's
 * shape and name, and the broadest judgements (words, character mix, entropy) last, so --verbose
 * names the most specific reason a candidate was dropped.
 */
export const FILTERS: readonly Filter[] = [
  lockFileFilter,
  unquotedInCodeFilter,
  uuidFilter,
  versionOrDateFilter,
  placeholderFilter,
  publicKeyTokenFilter,
  detectSecretsBaselineFilter,
  subresourceIntegrityFilter,
  sentryDsnFilter,
  publishableKeyFilter,
  supabasePublicKeyFilter,
  algoliaSearchKeyFilter,
  hashValueFilter,
  embeddedFileFilter,
  templateFilter,
  hashNameFilter,
  publicKeyFilter,
  repeatedOrSequentialFilter,
  pathOrUrlFilter,
  nonSecretNameFilter,
  providerOwnedFilter,
  resourceNameFilter,
  madeOfWordsFilter,
  codeExpressionFilter,
  examplePasswordFilter,
  base64OfWordsFilter,
  plainValueFilter,
  lowEntropyFilter,
];

/**
 * The first filter that drops the candidate, or undefined if it stays. Risky-code captures are
 * code, not secrets: no value heuristic applies to them (only the user's allow comment, which the
 * pipeline honours for every finding).
 */
export function findDroppingFilter(candidate: Candidate): Filter | undefined {
  if (candidate.category === 'risky-code') return undefined;
  return FILTERS.find((filter) => appliesTo(filter, candidate) && filter.matches(candidate));
}

function appliesTo(filter: Filter, candidate: Candidate): boolean {
  return filter.appliesTo === 'all' || candidate.generic;
}
