import { describe, expect, it } from 'vitest';
import { hasAllowComment, inlineAllowFilter } from '../../../src/detect/filters/inline-allow.js';
import { randomKeys } from '../random-keys.js';

describe('inline-allow filter', () => {
  const [key] = randomKeys('base62', 40, 1);

  it('applies to every rule', () => {
    expect(inlineAllowFilter.appliesTo).toBe('all');
  });

  it.each([
    `API_KEY = "${key}"  # keyguard:allow`,
    `const apiKey = "${key}"; // keyguard:allow test fixture`,
    `<!-- keyguard:allow --> <meta name="token" content="${key}">`,
    `api_key: ${key} # KEYGUARD:ALLOW`,
    `API_KEY = "${key}"  # gitleaks:allow`,
    `API_KEY = "${key}"  # pragma: allowlist secret`,
    `API_KEY = "${key}"  # pragma:allowlist secret`,
  ])('drops %s', (line) => {
    expect(hasAllowComment(line)).toBe(true);
  });

  it.each([
    `API_KEY = "${key}"`,
    `API_KEY = "${key}"  # keyguard`,
    `API_KEY = "${key}"  # allow`,
    // detect-secrets' nextline pragma belongs on the line above, which a filter does not see.
    `API_KEY = "${key}"  # pragma: allowlist nextline secret`,
  ])('keeps %s', (line) => {
    expect(hasAllowComment(line)).toBe(false);
  });
});
