import type { Candidate, Filter } from './filter.js';

/**
 * The rules that take a value without quotes. Unquoted `NAME=value` is how .env, YAML, INI,
 * .properties, shell and Dockerfiles assign; in a programming language the right-hand side of an
 * unquoted assignment is code (`allPass = /*#__PURE__*\/ fn(…)` in minified JavaScript), and a
 * literal secret there is quoted, which the quoted-value rules cover.
 */
const UNQUOTED_RULES = new Set(['generic-secret-unquoted', 'generic-password-unquoted']);

/** Source files of programming languages (not config, markup or shell). */
const CODE_FILE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx|vue|svelte|py|pyw|rb|go|java|kt|kts|scala|groovy|cs|fs|vb|php|c|h|cc|cpp|cxx|hpp|hh|m|mm|swift|rs|dart|lua|pl|pm|r|jl|ex|exs|erl|clj|cljs|hs|ml|zig|nim|sol|map)$/i;

export function isCodeFile(path: string): boolean {
  return CODE_FILE.test(path);
}

export const unquotedInCodeFilter: Filter = {
  name: 'unquoted-in-code',
  description: 'Drops the unquoted-value rules\' matches in source code files, where an unquoted right-hand side is an expression, not a config value.',
  appliesTo: 'generic',
  matches: (candidate: Candidate) => UNQUOTED_RULES.has(candidate.ruleId) && isCodeFile(candidate.path),
};
