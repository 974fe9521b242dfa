import type { Candidate } from './filter.js';
import { REACH, surroundingsOf } from './surroundings.js';

/** Trailing quotes, operators and spaces between a name and its value: `": "`, ` := "`, `=> '`. */
const ASSIGNMENT_TAIL = /[^\w.$-]+$/;
const NAME_AT_END = /[\w.$-]+$/;
/** `<add key="ApiKeyHash" value="…`, `<meta name="csrf-token" content="…`: the name is the attribute's. */
const NAMED_ATTRIBUTE = /\b(?:key|name|property)\s*=\s*["']([^"'<>]*)["'][^"'<>]*\b(?:value|content)\s*=\s*["']?$/i;
/** Words of a name, keeping digits with their word (`sha256`, `md5`, `crc32`). */
const NAME_WORD = /[A-Z]{2,}[0-9]*(?![a-z])|[A-Z]?[a-z]+[0-9]*/g;

/**
 * The words of the name a secret is assigned to, lower-cased: `["password", "hash"]` for
 * `password_hash = "…"`, `["integrity"]` for `"integrity": "…"`. Empty when there is no name.
 */
export function assignedNameWords(candidate: Candidate): string[] {
  const name = assignedName(textBeforeSecret(candidate));
  return (name.match(NAME_WORD) ?? []).map((word) => word.toLowerCase());
}

/** The last word of the assigned name: what the value is (`api_key_hash` is a hash, `hash_key` a key). */
export function assignedNameHead(candidate: Candidate): string | undefined {
  return assignedNameWords(candidate).at(-1);
}

function assignedName(before: string): string {
  const attribute = NAMED_ATTRIBUTE.exec(before);
  if (attribute) return attribute[1]!;
  return before.replace(ASSIGNMENT_TAIL, '').match(NAME_AT_END)?.[0] ?? '';
}

/** Generic rules' matches start at the name; otherwise the line tells. */
function textBeforeSecret(candidate: Candidate): string {
  const offset = candidate.match.lastIndexOf(candidate.secret);
  const inMatch = offset > 0 ? candidate.match.slice(Math.max(0, offset - REACH), offset) : '';
  return /[A-Za-z]/.test(inMatch) ? inMatch : surroundingsOf(candidate).before;
}
