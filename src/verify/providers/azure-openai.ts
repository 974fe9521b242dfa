import { readStatus } from '../answer.js';
import type { Verifier } from '../verifier.js';

/**
 * Azure OpenAI and Azure AI services keys belong to one resource, whose host is part of the key's
 * address. It is taken from the scanned file (src/verify/azure-endpoint.ts) only when it sits next to
 * the key and lies under Azure's documented domains; without one, the key is not sent anywhere.
 */
export const azureOpenai: Verifier = {
  id: 'azure-openai',
  provider: 'Azure OpenAI',
  ruleIds: ['azure-openai-key', 'azure-openai-key-84', 'azure-ai-services-key'],
  host: (credential) => credential.endpointHost ?? null,
  endpoint: 'GET https://<resource>.openai.azure.com/openai/models?api-version=2024-10-21 (or <resource>.cognitiveservices.azure.com), only with that endpoint next to the key',
  keyPage: 'https://portal.azure.com/#view/Microsoft_Azure_ProjectOxford/CognitiveServicesHub/~/OpenAI',
  request(credential) {
    if (credential.endpointHost === undefined) {
      return { status: 'unknown', detail: 'no Azure endpoint (*.openai.azure.com, *.cognitiveservices.azure.com) next to the key' };
    }
    return { method: 'GET', path: '/openai/models?api-version=2024-10-21', headers: { 'api-key': credential.secret } };
  },
  read(answer) {
    if (answer.status === 404) return { status: 'unknown', detail: 'the endpoint next to the key has no such resource (HTTP 404)' };
    return readStatus(answer);
  },
};
