/** The comment above the lines `keyguard fix` adds, so a reader of the .gitignore knows why they are there. */
const COMMENT = '# Env files hold secrets; their templates stay tracked (added by keyguard fix)';

/**
 * The .gitignore `existing` (null: no file yet) with `lines` appended below a comment. Every
 * existing byte is kept as it is (the file is not decoded) and the file's own line ending is used,
 * so a CRLF file stays CRLF. Appended, because in a .gitignore the last matching line wins: the
 * new lines take effect over any earlier negation.
 */
export function appendIgnoreLines(existing: Buffer | null, lines: readonly string[]): Buffer {
  const current = existing ?? Buffer.alloc(0);
  const eol = current.includes('\r\n') ? '\r\n' : '\n';
  const endsWithNewline = current.length > 0 && current[current.length - 1] === 0x0a;
  const separator = current.length === 0 ? '' : endsWithNewline ? eol : `${eol}${eol}`;
  return Buffer.concat([current, Buffer.from(`${separator}${[COMMENT, ...lines].join(eol)}${eol}`, 'utf8')]);
}
