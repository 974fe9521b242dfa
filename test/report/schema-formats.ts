/**
 * ajv checks a `format` only when it knows it, and ajv-formats is not installed. Rather than turn
 * format checking off, this teaches ajv the three formats the SARIF schema and ours use, so a
 * malformed helpUri, an unencoded space in a result path or a bad commit date fails the test.
 */

interface FormatRegistry {
  addFormat(name: string, validate: (value: string) => boolean): unknown;
}

// RFC 3986: unreserved and reserved characters, and percent-encodings; nothing else.
const URI_CHARACTERS = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const RFC_3339_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

export function addUriAndDateFormats(ajv: FormatRegistry): void {
  ajv.addFormat('uri', (value) => URI_CHARACTERS.test(value) && URL.canParse(value));
  ajv.addFormat('uri-reference', (value) => URI_CHARACTERS.test(value));
  ajv.addFormat('date-time', (value) => RFC_3339_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)));
}
