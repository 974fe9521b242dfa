import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/**
 * JSON.parse, with an error (its message: where, e.g. `CommaExpected at line 3, column 9`) that
 * says where the text is broken and never what it holds: V8's own
 * message quotes the text around the problem ("Unexpected token 'g', "ghp_…"… is not valid
 * JSON"), and a file that fails to parse may well hold a key. jsonc-parser, run only on failure,
 * locates the first error.
 */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SyntaxError(locateJsonError(text));
  }
}

/** `CommaExpected at line 3, column 9`; jsonc-parser is more lenient than JSON.parse, so it may find nothing. */
function locateJsonError(text: string): string {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const [first] = errors;
  if (first === undefined) return 'not accepted by JSON.parse';
  const before = text.slice(0, first.offset).split(/\r\n|\r|\n/);
  return `${printParseErrorCode(first.error)} at line ${before.length}, column ${before.at(-1)!.length + 1}`;
}
