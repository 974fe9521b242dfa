import type { Candidate, Filter } from './filter.js';
import { assignedName, wordsOf } from './assigned-name.js';

/**
 * Algolia search-only API keys: they can only search the indexes they are scoped to and Algolia
 * documents them as safe in front-end code (InstantSearch, DocSearch). Recognised by the name they
 * are assigned to (`searchKey`, `search_api_key`, `searchOnlyApiKey`, `ALGOLIA_SEARCH_KEY`), and only
 * where Algolia is named, in the name or on the line (`algoliasearch(appId, searchKey)`, DocSearch,
 * InstantSearch): other search APIs' keys (`BING_SEARCH_KEY`, `BRAVE_SEARCH_API_KEY`) are secrets.
 * An Algolia admin or write key keeps being reported.
 */
const ALGOLIA = /algolia|docsearch|instantsearch/i;
const SEARCH_KEY_ENDINGS = [
  ['search', 'key'],
  ['search', 'api', 'key'],
  ['search', 'only', 'key'],
  ['search', 'only', 'api', 'key'],
];

export function isAlgoliaSearchKey(candidate: Candidate): boolean {
  const name = assignedName(candidate);
  if (!ALGOLIA.test(name) && !ALGOLIA.test(candidate.line)) return false;
  const words = wordsOf(name);
  return SEARCH_KEY_ENDINGS.some((ending) => ending.length <= words.length && ending.every((word, index) => words[words.length - ending.length + index] === word));
}

export const algoliaSearchKeyFilter: Filter = {
  name: 'algolia-search-key',
  description: 'Drops Algolia search-only keys, recognised by their name (searchKey, search_api_key, ALGOLIA_SEARCH_KEY) where Algolia is named: Algolia makes them to be used in front-end code.',
  appliesTo: 'all',
  matches: isAlgoliaSearchKey,
};
