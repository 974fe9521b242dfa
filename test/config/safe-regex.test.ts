import { describe, expect, it } from 'vitest';
import { assertSafeRegex } from '../../src/config/safe-regex.js';

describe('assertSafeRegex', () => {
  it.each(['(a+)+', '^(\\d+)*$', '(\\w+\\s?)*', '(?:[a-z]*)+', '(a+|b)+', '(x+x+)+y', '(?<name>[a-z]+){2,}'])('rejects %s', (pattern) => {
    expect(() => assertSafeRegex(pattern, 'config.json: allowlist.regexes[0]')).toThrow(/config\.json: allowlist\.regexes\[0\]: .*backtrack catastrophically/);
  });

  it.each(['sk-[a-z]{20,}', '([a-z]+-)+', '(?:ab|cd)+', '((ab)+c)+', '(?<![\\w.-])(tok_[A-Za-z0-9]{32})', '\\((a+)\\)+', '[(a+)+]', '^test_[a-z]+$', '(a+)?'])('accepts %s', (pattern) => {
    expect(() => assertSafeRegex(pattern, 'where')).not.toThrow();
  });
});
