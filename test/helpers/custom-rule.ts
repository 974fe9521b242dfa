import { randomFrom } from './fake-keys.js';

const LOWERNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A custom rule as a user would write it in a config file; its examples are literal text. */
export function acmeRule(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'acme-api-key',
    name: 'Acme API key',
    severity: 'high',
    description: 'An Acme API key.',
    keywords: ['acme_'],
    pattern: '\\b(acme_[a-z0-9]{32})\\b',
    examples: [`ACME_KEY=acme_${randomFrom(LOWERNUM, 32)}`],
    negativeExamples: ['acme_short'],
    references: ['https://acme.example/keys'],
    ...overrides,
  };
}
