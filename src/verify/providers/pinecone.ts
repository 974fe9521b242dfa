import { readStatus } from '../answer.js';
import type { Verifier } from '../verifier.js';

/** Pinecone: the project's index list on the control plane, read-only. */
export const pinecone: Verifier = {
  id: 'pinecone',
  provider: 'Pinecone',
  ruleIds: ['pinecone-api-key', 'pinecone-api-key-legacy'],
  host: 'api.pinecone.io',
  endpoint: 'GET https://api.pinecone.io/indexes',
  keyPage: 'https://app.pinecone.io/',
  request: (credential) => ({ method: 'GET', path: '/indexes', headers: { 'api-key': credential.secret, 'x-pinecone-api-version': '2025-04' } }),
  read: (answer) => readStatus(answer),
};
