import type { Candidate, Filter } from './filter.js';
import { surroundingsOf, type Surroundings } from './surroundings.js';
import { readsAsWords } from './word-shape.js';

/**
 * Values that refer to a secret kept elsewhere instead of being one: template placeholders
 * (`${API_KEY}`, `{{ secrets.X }}`, `%(key)s`), environment and secret-store lookups
 * (`process.env.X`, `os.getenv("X")`, `ENV["X"]`, ARNs), variables (`$X`, YAML aliases), and calls
 * and index expressions (`getKey()`, `config["key"]`). Bare identifiers, member chains and operator
 * expressions (`getKey`, `this.apiKey`, `a||b`) are left to the made-of-words and code-expression
 * filters, which tell them from random keys by their spelling.
 *
 * Generic rules capture different amounts of such an expression, so both the value and the text
 * just before and after it on the line are checked.
 */

/**
 * Template and interpolation markers; no key alphabet has these characters. `$(` and `%(` count only
 * with a name and a closing parenthesis, as random passwords may contain them.
 */
const TEMPLATE_SYNTAX = /\$\{|\{\{|\}\}|\{%|%\}|<%|%>|#\{|\$\([A-Za-z_][\w.]*\)|%\([\w.-]+\)[sdr]/;
/**
 * The whole value is a variable: `$API_KEY`, `$env:API_KEY`, `%API_KEY%`, `{api_key}`, a YAML alias
 * (`*default_api_key`) or a Ruby instance variable (`@api_key`).
 */
const WHOLE_VARIABLE = /^(?:\$(?:env:)?[A-Za-z_]\w*|%[A-Za-z_]\w*%|\{[A-Za-z_][\w.]*\}|\*[A-Za-z_][\w.-]*|@[A-Za-z_]\w*)$/;
/** An opener right before the value: the capture began inside `${…}`, `{{ … }}`, `$(…)`, `#{…}`, `<%= …`. */
const OPENER_BEFORE = /(?:\$\{|\{\{|\$\(|#\{|<%=?)\s*$/;
/** `$API_KEY` or PowerShell's `$env:API_KEY` with the `$` left out of the capture. */
const DOLLAR_BEFORE = /\$(?:env:)?$/;
const IDENTIFIER_START = /^[A-Za-z_]/;

/** An environment or secret-store lookup anywhere in the value; these words never occur in random keys. */
const LOOKUP_IN_VALUE = /process\.env|import\.meta\.env|os\.environ|getenv|GetEnvironmentVariable|ENV\[|ENV\.fetch|\$_ENV|\$_SERVER/i;
/** The same lookups right before the value, which is then the looked-up name. */
const LOOKUPS_BEFORE = [
  // Members: process.env.X, import.meta.env.X, env.X (Workers), ${{ secrets.X }}, ${{ vars.X }}
  String.raw`\b(?:env|secrets|vars)\.`,
  // Terraform: var.X, local.X, data.aws_ssm_parameter.X.value, module.X.output
  String.raw`(?:^|[^\w.])(?:var|local|data|module)\.`,
  // Calls: os.getenv("X"), os.Getenv, os.LookupEnv, Environment.GetEnvironmentVariable, env::var, env('X') (Laravel),
  // lookup('env', 'X') (Ansible), os.environ.get("X"), ENV.fetch("X")
  String.raw`(?:\b(?:getenv|Getenv|LookupEnv|GetEnvironmentVariable|env::var|env|lookup)|\.(?:get|fetch))\s*\(\s*(?:["'\x60]env["'\x60]\s*,\s*)?["'\x60]?`,
  // Index: os.environ["X"], ENV['X'], $_ENV['X'], config["key"]
  String.raw`[\w$\])]\s*\[\s*["'\x60]?`,
  // CloudFormation: !Ref X, !Sub, !GetAtt, !ImportValue
  String.raw`!(?:Ref|Sub|GetAtt|ImportValue|FindInMap)\s+`,
];
const LOOKUP_BEFORE = new RegExp(`(?:${LOOKUPS_BEFORE.join('|')})$`);
/** A reference to a secret store entry (an AWS ARN) or a Terraform value, rather than the secret. */
const STORE_REFERENCE = /^arn:aws[\w-]*:|^(?:var|local|data|module)\.[A-Za-z_]/;
/** The value is the tail of an ARN (`arn:aws:secretsmanager:…:secret:prod/db-AbC123`): a resource's name. */
const INSIDE_ARN = /\barn:aws[\w-]*:[^\s"'`]*$/;

/**
 * A captured call or index: `getKey()`, `crypto.randomBytes(32)`, `config["key"]`,
 * `config.get<string>(`; the callee must read as words, since random passwords may contain `(`.
 */
const CALL_OR_INDEX_IN_VALUE = /^([A-Za-z_$][\w$.]{3,})(?:<[\w.,\s]*>)?[([]/;
const REFERENCE_SHAPES = [TEMPLATE_SYNTAX, WHOLE_VARIABLE, LOOKUP_IN_VALUE, STORE_REFERENCE];

export function isTemplateOrReference(candidate: Candidate): boolean {
  const { secret } = candidate;
  if (REFERENCE_SHAPES.some((shape) => shape.test(secret))) return true;
  const callee = CALL_OR_INDEX_IN_VALUE.exec(secret)?.[1];
  if (callee !== undefined && readsAsWords(callee)) return true;
  const surroundings = surroundingsOf(candidate);
  return isInsideTemplate(secret, surroundings) || LOOKUP_BEFORE.test(surroundings.before) || INSIDE_ARN.test(surroundings.before);
}

function isInsideTemplate(secret: string, { before, after }: Surroundings): boolean {
  if (OPENER_BEFORE.test(before)) return true;
  if (DOLLAR_BEFORE.test(before) && IDENTIFIER_START.test(secret)) return true;
  return before.endsWith('%') && after.startsWith('%');
}

export const templateFilter: Filter = {
  name: 'template',
  description:
    'Drops values that refer to a secret kept elsewhere: template placeholders (`${API_KEY}`, `{{ secrets.X }}`), environment lookups (`process.env.X`, `os.getenv("X")`), calls and index expressions (`getKey()`, `config["key"]`) and ARNs.',
  appliesTo: 'generic',
  matches: isTemplateOrReference,
};
