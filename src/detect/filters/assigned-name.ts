import type { Candidate } from './filter.js';
import { REACH, surroundingsOf } from './surroundings.js';

/** Trailing quotes, operators and spaces between a name and its value: `": "`, ` := "`, `=> '`. */
const ASSIGNMENT_TAIL = /[^\w.$-]+$/;
const NAME_AT_END = /[\w.$-]+$/;
/** Structures that hold the name away from the value, each capturing the name. */
const NAME_VALUE_STRUCTURES = [
  // <add key="ApiKeyHash" value="…, <meta name="csrf-token" content="…, <string name="api_token">…
  /\b(?:key|name|property)\s*=\s*["']([^"'<>]*)["'][^<>]*?(?:\b(?:value|content)\s*=\s*["']?|>)$/i,
  // Kubernetes and Compose env lists: `name: API_KEY` then `value: "…` on the next line
  /\bname\s*:\s*["']?([\w.-]+)["']?[ \t]*\r?\n\s*(?:-\s*)?value\s*:\s*["']?$/i,
  // plist `<key>ApiSecret</key><string>…`, Hadoop `<name>fs.s3a.secret.key</name><value>…`
  /<(?:key|name)>\s*([\w.-]+)\s*<\/(?:key|name)>\s*<(?:string|value)>$/i,
  // Postman variables: "key": "apiKey", "value": "…
  /"(?:key|name)"\s*:\s*"([\w.-]+)"\s*,\s*"value"\s*:\s*"$/i,
  // Terraform: variable "db_password" { … default = "…
  /\bvariable\s+"([\w.-]+)"\s*\{[^}]*\bdefault\s*=\s*"$/i,
  // Type annotations: `API_TOKEN: String = "…`, `api_key: str = '…`
  /([\w.$-]+)\s*:\s*[\w.<>[\]?]+\s*=\s*["'`]?$/,
  // An XML element's text: <auth:clientSecret xmlns:auth="…">…, <password>…
  /<(?:[\w-]+:)?([\w.-]+)(?:\s[^<>]*)?>\s*$/,
];
/** `scheme://user:` right before a password: the user is an account, not the password's name. */
const URL_USER_INFO = /:\/\/[^\s/@]*:$/;
/** Words of a name, keeping digits with their word (`sha256`, `md5`, `crc32`). */
const NAME_WORD = /[A-Z]{2,}[0-9]*(?![a-z])|[A-Z]?[a-z]+[0-9]*/g;

/**
 * The name a secret is assigned to, as written: `password_hash` for `password_hash = "…"`,
 * `PAYMENTS_API_KEY` for a Kubernetes `name:`/`value:` pair. Empty when nothing names the value.
 */
export function assignedName(candidate: Candidate): string {
  const before = textBeforeSecret(candidate);
  if (URL_USER_INFO.test(before)) return '';
  for (const structure of NAME_VALUE_STRUCTURES) {
    const name = structure.exec(before)?.[1];
    if (name) return name;
  }
  return before.replace(ASSIGNMENT_TAIL, '').match(NAME_AT_END)?.[0] ?? '';
}

/**
 * The words of the name a secret is assigned to, lower-cased: `["password", "hash"]` for
 * `password_hash = "…"`, `["integrity"]` for `"integrity": "…"`. Empty when there is no name.
 */
export function assignedNameWords(candidate: Candidate): string[] {
  return wordsOf(assignedName(candidate));
}

/** The words of a name, lower-cased: `["api", "key", "sha256"]` for `apiKeySha256`. */
export function wordsOf(name: string): string[] {
  return (name.match(NAME_WORD) ?? []).map((word) => word.toLowerCase());
}

/** The last word of the assigned name: what the value is (`api_key_hash` is a hash, `hash_key` a key). */
export function assignedNameHead(candidate: Candidate): string | undefined {
  return assignedNameWords(candidate).at(-1);
}

/** Generic rules' matches start at the name (or at the structure around it); otherwise the line tells. */
function textBeforeSecret(candidate: Candidate): string {
  const offset = candidate.match.lastIndexOf(candidate.secret);
  const inMatch = offset > 0 ? candidate.match.slice(Math.max(0, offset - REACH), offset) : '';
  return /[A-Za-z]/.test(inMatch) ? inMatch : surroundingsOf(candidate).before;
}
