import { describe, expect, it } from 'vitest';
import { allowsRule, inlineAllowFor } from '../../src/suppress/inline-allow.js';
import { randomKeys } from '../detect/random-keys.js';

describe('inline allow directives', () => {
  const [key] = randomKeys('base62', 40, 1);

  it.each([
    `API_KEY = "${key}"  # keyguard:allow`,
    `const apiKey = "${key}"; // keyguard:allow test fixture`,
    `<!-- keyguard:allow --> <meta name="token" content="${key}">`,
    `api_key: ${key} # KEYGUARD:ALLOW`,
    `API_KEY = "${key}"  # gitleaks:allow`,
    `API_KEY = "${key}"  # pragma: allowlist secret`,
    `API_KEY = "${key}"  # pragma:allowlist secret`,
    `API_KEY = "${key}"  # trufflehog:ignore`,
    `const k = "${key}"; // secretlint-disable-line`,
  ])('covers its own line: %s', (line) => {
    const allow = inlineAllowFor(line, null);
    expect(allow).not.toBeNull();
    expect(allowsRule(allow!, 'generic-secret-assignment')).toBe(true);
  });

  it.each([
    `API_KEY = "${key}"`,
    `API_KEY = "${key}"  # keyguard`,
    `API_KEY = "${key}"  # allow`,
    `API_KEY = "${key}"  # pragma: allowlist nextline secret`,
    `API_KEY = "${key}"  // keyguard:allow-next-line`,
  ])('does not cover its own line: %s', (line) => {
    expect(inlineAllowFor(line, null)).toBeNull();
  });

  it.each(['# keyguard:allow-next-line', '# pragma: allowlist nextline secret', '// secretlint-disable-next-line'])('%s covers the next line', (previous) => {
    expect(inlineAllowFor(`API_KEY = "${key}"`, previous)).not.toBeNull();
  });

  it('a same-line directive on the line above does not cover the next line', () => {
    expect(inlineAllowFor(`API_KEY = "${key}"`, '# keyguard:allow')).toBeNull();
  });

  it('names rules when ids follow the directive', () => {
    const allow = inlineAllowFor(`key = "${key}" // keyguard:allow openai-project-key generic-secret-assignment`, null)!;
    expect(allow.rules).toEqual(['openai-project-key', 'generic-secret-assignment']);
    expect(allowsRule(allow, 'openai-project-key')).toBe(true);
    expect(allowsRule(allow, 'github-pat')).toBe(false);
    const next = inlineAllowFor(`key = "${key}"`, '# keyguard:allow-next-line github-pat')!;
    expect(allowsRule(next, 'github-pat')).toBe(true);
    expect(allowsRule(next, 'openai-project-key')).toBe(false);
  });
});
