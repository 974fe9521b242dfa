import type { Candidate, Filter } from './filter.js';
import { readsAsWords } from './word-shape.js';

export const madeOfWordsFilter: Filter = {
  name: 'made-of-words',
  description:
    'Drops values that read as words or names rather than random characters: `your_api_key`, `supersecretpassword`, `OPENAI_API_KEY`, and identifiers in code such as `this.apiKey` or `settings.API_KEY`.',
  appliesTo: 'generic',
  matches: (candidate: Candidate) => readsAsWords(candidate.secret),
};
