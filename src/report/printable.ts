/**
 * File names, commit messages, author names and (with --show-secrets) secrets come from the
 * scanned repository, which may be hostile. Written to a terminal as is, an escape sequence could
 * rewrite the screen or hide a finding, and bidirectional overrides could make a path read as
 * another one ("Trojan Source"). This makes such characters visible instead.
 */

// C0 and C1 controls, DEL, and the bidi embedding, override and isolate characters.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
