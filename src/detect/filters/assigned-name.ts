import type { Candidate } from './filter.js';
import { REACH, surroundingsOf } from './surroundings.js';

/** Trailing quotes, operators and spaces between a name and its value: `": "`, ` := "`, `=> '`. */
const ASSIGNMENT_TAIL = /[^\w.$-]+$/;
const NAME_AT_END = /[\w.$-]+$/;
/**
 * Structures that hold the name away from the value: a lead-in, then the rest, which captures the
 * name. A rule anchored at the name (generic-secret-keyvalue) checks the lead-in by a lookbehind,
 * so its match starts at the name: there the start of the match stands for the lead-in.
 */
const NAME_VALUE_STRUCTURES: readonly { lead?: RegExp; rest: RegExp }[] = [
  // <add key="ApiKeyHash" value="…, <meta name="csrf-token" content="…, <string name="api_token">…
  { lead: /\b(?:key|name|property)\s*=\s*["']/, rest: /([^"'<>]*)["'][^<>]*?(?:\b(?:value|content)\s*=\s*["']?|>)$/ },
  // Kubernetes and Compose env lists: `name: API_KEY` then `value: "…` on the next line
  { lead: /\bname\s*:\s*["']?/, rest: /([\w.-]+)["']?[ \t]*\r?\n\s*(?:-\s*)?value\s*:\s*["']?$/ },
  // plist `<key>ApiSecret</key><string>…`, Hadoop `<name>fs.s3a.secret.key</name><value>…`
  { lead: /<(?:key|name)>\s*/, rest: /([\w.-]+)\s*<\/(?:key|name)>\s*<(?:string|value)>$/ },
  // Postman variables: "key": "apiKey", "value": "…
  { lead: /"(?:key|name)"\s*:\s*"/, rest: /([\w.-]+)"\s*,\s*"value"\s*:\s*"$/ },
  // Terraform: variable "db_password" { … default = "…
  { lead: /\bvariable\s+"/, rest: /([\w.-]+)"\s*\{[^}]*\bdefault\s*=\s*"$/ },
  // Type annotations: `API_TOKEN: String = "…`, `api_key: str = '…`
  { rest: /([\w.$-]+)\s*:\s*[\w.<>[\]?]+\s*=\s*["'`]?$/ },
  // An XML element's text: <auth:clientSecret xmlns:auth="…">…, <password>…
  { rest: /<(?:[\w-]+:)?([\w.-]+)(?:\s[^<>]*)?>\s*$/ },
];
/** The structures as found in any text before a secret (a line, the end of a long match). */
const STRUCTURES_IN_TEXT = NAME_VALUE_STRUCTURES.map(({ lead, rest }) => new RegExp(`${lead?.source ?? ''}${rest.source}`, 'i'));
/** The structures in a match's text from its start, which may be the name itself. */
const STRUCTURES_FROM_MATCH_START = NAME_VALUE_STRUCTURES.map(({ lead, rest }) =>
  lead ? new RegExp(`(?:${lead.source}|^)${rest.source}`, 'i') : new RegExp(rest.source, 'i'),
);
/** `scheme://user:` right before a password: the user is an account, not the password's name. */
const URL_USER_INFO = /:\/\/[^\s/@]*:$/;
/** Words of a name, keeping digits with their word (`sha256`, `md5`, `crc32`). */
const NAME_WORD = /[A-Z]{2,}[0-9]*(?![a-z])|[A-Z]?[a-z]+[0-9]*/g;

/**
 * The name a secret is assigned to, as written: `password_hash` for `password_hash = "…"`,
 * `PAYMENTS_API_KEY` for a Kubernetes `name:`/`value:` pair. Empty when nothing names the value.
 */
export function assignedName(candidate: Candidate): string {
  const { before, fromMatchStart } = textBeforeSecret(candidate);
  if (URL_USER_INFO.test(before)) return '';
  for (const structure of fromMatchStart ? STRUCTURES_FROM_MATCH_START : STRUCTURES_IN_TEXT) {
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

/**
 * Generic rules' matches start at the name (or at the structure around it); otherwise the line
 * tells. `fromMatchStart` when the text is the match's own from its start.
 */
function textBeforeSecret(candidate: Candidate): { before: string; fromMatchStart: boolean } {
  const offset = candidate.match.lastIndexOf(candidate.secret);
  const inMatch = offset > 0 ? candidate.match.slice(Math.max(0, offset - REACH), offset) : '';
  if (!/[A-Za-z]/.test(inMatch)) return { before: surroundingsOf(candidate).before, fromMatchStart: false };
  return { before: inMatch, fromMatchStart: offset <= REACH };
}
