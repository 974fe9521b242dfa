import type { Candidate, Filter } from './filter.js';
import { readsAsWords } from './word-shape.js';

/**
 * Values that are code rather than data, as unquoted assignments in source, type declarations and
 * source maps produce them: identifiers in one case with three or more parts (`my_secret_key_value`,
 * `LOGIN-FORM-INPUT-2`), member chains (`settings.API_KEY`, `e.error.code`), module paths
 * (`os.environ/AZURE_API_KEY`), and expressions: names joined by operators (`!!ownPass`,
 * `Buffer|Uint8Array|Blob|string`, `e.retryable=!0`, `a.apiKey||b.apiKey`).
 *
 * Random passwords contain `!`, `|` and `=` too, so in an expression every name must read as words
 * and one of them must be long enough to be a real word: the short runs between a random
 * password's symbols (`w!=buDz4`) are not.
 */
const SINGLE_CASE_IDENTIFIER = /^(?:[a-z0-9]+(?:[-_.][a-z0-9]+){2,}|[A-Z0-9]+(?:[-_.][A-Z0-9]+){2,})$/;
/** Segments are short, and a JWT (`eyJ…`) is dotted too but is data. */
const MEMBER_CHAIN = /^(?!eyJ)[A-Za-z_$][\w$]{0,30}(?:\.[A-Za-z_$][\w$]{0,30})+$/;
const MODULE_PATH = /^[a-z_]+(?:\.[a-z_]+)+\/[\w./-]*$/;

const OPERAND = String.raw`(?:[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)*(?:\(\))?|[0-9]+)`;
const PREFIX_OPERATOR = String.raw`(?:\+\+|--|[!~]*)`;
/** Not `/`: base64 has it between random runs. */
const BINARY_OPERATOR = String.raw`(?:===?|!==?|=>|\|\||&&|\?\?|[<>]=?|[=|&?:+])`;
const EXPRESSION = new RegExp(`^${PREFIX_OPERATOR}${OPERAND}(?:${BINARY_OPERATOR}${PREFIX_OPERATOR}${OPERAND})*$`);
const OPERATOR_CHARACTER = /[!~=<>|&?:+]/;
const NAME = /[A-Za-z_$][\w$]*/g;
/** Digits that join two words of a type or function name: `Uint8Array`, `sha256Hash`. */
const DIGITS_BETWEEN_WORDS = /(?<=[a-z]{2})[0-9]+(?=[A-Z])/g;
const MIN_WORD_NAME_LENGTH = 6;

export function isCodeExpression(value: string): boolean {
  if (SINGLE_CASE_IDENTIFIER.test(value) || MEMBER_CHAIN.test(value) || MODULE_PATH.test(value)) return true;
  if (!OPERATOR_CHARACTER.test(value) || !EXPRESSION.test(value)) return false;
  const names = value.match(NAME) ?? [];
  return names.every((name) => readsAsWords(name.replace(DIGITS_BETWEEN_WORDS, ''))) && names.some((name) => name.length >= MIN_WORD_NAME_LENGTH);
}

export const codeExpressionFilter: Filter = {
  name: 'code-expression',
  description:
    'Drops values that are code rather than data: one-case identifiers (`my_secret_key_value`), member chains (`settings.API_KEY`) and expressions (`!!ownPass`, `Buffer|Uint8Array`, `a||b`).',
  appliesTo: 'generic',
  matches: (candidate: Candidate) => isCodeExpression(candidate.secret),
};
