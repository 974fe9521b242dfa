import { describe, expect, it } from 'vitest';
import { algoliaSearchKeyFilter, isAlgoliaSearchKey } from '../../../src/detect/filters/algolia-search-key.js';
import { randomKeys } from '../random-keys.js';
import { genericCandidate } from './candidates.js';

describe('algolia-search-key filter', () => {
  const [key] = randomKeys('hex', 32, 1);

  it('applies to every rule, as it needs both a search-key name and Algolia', () => {
    expect(algoliaSearchKeyFilter.appliesTo).toBe('all');
  });

  it.each([
    `ALGOLIA_SEARCH_KEY=${key}`,
    `NEXT_PUBLIC_ALGOLIA_SEARCH_API_KEY=${key}`,
    `ALGOLIA_SEARCH_ONLY_API_KEY=${key}`,
    `const searchClient = algoliasearch(appId, searchKey); const searchKey = "${key}";`,
    `docsearch({ appId: "X", searchOnlyApiKey: "${key}" }) // docsearch`,
  ])('drops %s', (line) => {
    expect(isAlgoliaSearchKey(genericCandidate(line, key!))).toBe(true);
  });

  it.each([
    ['an Algolia admin key', `ALGOLIA_ADMIN_API_KEY=${key}`],
    ['an Algolia write key', `ALGOLIA_API_KEY=${key}`],
    ["another search API's key", `BING_SEARCH_KEY=${key}`],
    ["another search API's key in code", `const searchKey = "${key}"; // brave`],
  ])('keeps %s', (_, line) => {
    expect(isAlgoliaSearchKey(genericCandidate(line, key!))).toBe(false);
  });
});
