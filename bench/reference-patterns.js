// The reference a keyguard scan is timed against: ripgrep searching for a handful of literal-anchored
// provider patterns, the way the fast path of a gitleaks-style scanner works. Each pattern starts with
// (or contains) a literal, so ripgrep's SIMD literal search finds the candidates and its regex engine
// only confirms them: this is about the fastest a regex-based secret search over the same bytes can be.
// (The rules' own regexes as one PCRE2 alternation were a weak reference: their look-arounds defeat
// ripgrep's literal search, which made it two orders of magnitude slower than this.)

/** The six patterns, in ripgrep's default (Rust regex) syntax. */
export const REFERENCE_PATTERNS = [
  { what: 'OpenAI (T3BlbkFJ marker)', pattern: 'sk-[A-Za-z0-9_-]*T3BlbkFJ[A-Za-z0-9_-]+' },
  { what: 'AWS access key id', pattern: '(?:AKIA|ASIA)[0-9A-Z]{16}' },
  { what: 'GitHub token', pattern: 'gh[pousr]_[A-Za-z0-9]{36,}' },
  { what: 'Anthropic', pattern: 'sk-ant-[A-Za-z0-9_-]{20,}' },
  { what: 'Google API key', pattern: 'AIza[0-9A-Za-z_-]{35}' },
  { what: 'generic api_key assignment', pattern: `(?i)api[_-]?key\\s*[:=]\\s*['"]?[A-Za-z0-9_./+=-]{16,}` },
];

/** The pattern file's text, one pattern per line, for `rg -f`. */
export function referencePatternFile() {
  return `${REFERENCE_PATTERNS.map((entry) => entry.pattern).join('\n')}\n`;
}
