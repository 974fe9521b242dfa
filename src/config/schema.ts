import { SEVERITIES } from '../finding/finding.js';
import { optionKey, SCAN_FLAGS } from '../cli/scan-flags.js';

/**
 * The config file's JSON schema, built from the code it configures so the two cannot drift: the
 * scan options a config may set come from the option table (src/cli/scan-flags.ts), the rule fields
 * from the rules' own format. scripts/readme.js writes it to docs/config.schema.json (shipped in
 * the package, for editors via `$schema`) and the README's config table from the same object.
 */

export const CONFIG_SCHEMA_ID = 'https://unpkg.com/keyguard/docs/config.schema.json';

type Schema = Record<string, unknown>;

const stringList = (description: string): Schema => ({ type: 'array', items: { type: 'string', minLength: 1 }, description });

const valueAllowlist = (scope: string): Schema => ({
  type: 'object',
  additionalProperties: false,
  description: `values (secrets) accepted ${scope}`,
  properties: {
    regexes: stringList('regular expressions; a secret any of them matches (anywhere in it) is accepted'),
    stopwords: stringList('words; a secret that contains any of them (any case) is accepted'),
  },
});

const example: Schema = {
  oneOf: [
    { type: 'string' },
    { type: 'object', additionalProperties: false, required: ['text', 'path'], properties: { text: { type: 'string' }, path: { type: 'string' } } },
  ],
};

/** A custom rule: the format of rules/*.yaml (checked in full by src/rules/validate.ts). */
const customRule: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'severity', 'description', 'keywords', 'pattern', 'examples', 'negativeExamples', 'references'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', description: 'kebab-case, unique among all rules' },
    name: { type: 'string', minLength: 1 },
    provider: { type: 'string', minLength: 1, description: 'default "Custom"' },
    severity: { enum: [...SEVERITIES] },
    description: { type: 'string', minLength: 1 },
    category: { enum: ['secret', 'risky-code'] },
    keywords: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    pattern: { type: 'string', minLength: 1, description: 'JavaScript regex with exactly one capturing group: the secret' },
    flags: { type: 'string', pattern: '^[im]*$' },
    entropy: { type: 'number', minimum: 0, maximum: 8 },
    context: {
      type: 'object',
      additionalProperties: false,
      required: ['pattern', 'within'],
      properties: { pattern: { type: 'string' }, within: { type: 'number', exclusiveMinimum: 0 } },
    },
    jwtClaims: { type: 'object', additionalProperties: { type: 'string' } },
    multiline: { type: 'boolean' },
    anchor: { const: 'name' },
    generic: { type: 'boolean' },
    remedy: { type: 'string', minLength: 1 },
    examples: { type: 'array', minItems: 1, items: example, description: 'text that must produce a finding (plain text or a template such as {{alnum 32}})' },
    negativeExamples: { type: 'array', minItems: 1, items: example, description: 'text that must not' },
    references: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
  },
};

const ruleSettings: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    enabled: { type: 'boolean', description: 'false turns the rule off (like disableRules)' },
    severity: { enum: [...SEVERITIES], description: "the rule's findings get this severity" },
    paths: stringList('the rule runs only on these paths (gitignore syntax)'),
    excludePaths: stringList('the rule does not run on these paths (gitignore syntax)'),
    allowlist: valueAllowlist('for this rule only'),
  },
};

/** Scan options a config may set: the options of the table marked `config`. */
function optionProperties(): Record<string, Schema> {
  const properties: Record<string, Schema> = {};
  for (const spec of SCAN_FLAGS) {
    if (!spec.config) continue;
    const flag = spec.flags.split(/, /).at(-1)!;
    const lead = flag.startsWith('--no-') ? `false is \`${flag}\`` : `default for \`${flag}\``;
    const schema: Schema = { type: spec.config, description: `${lead}: ${spec.description}` };
    if (spec.choices) schema.enum = [...spec.choices];
    if (spec.config === 'number') schema.exclusiveMinimum = 0;
    properties[optionKey(spec)] = schema;
  }
  return properties;
}

/** The keys a config sets besides scan option defaults. */
const CONFIG_PROPERTIES: Record<string, Schema> = {
  $schema: { type: 'string', description: 'the schema, for editors: ./node_modules/keyguard/docs/config.schema.json' },
  rules: { type: 'array', items: customRule, description: 'custom rules, in the format of the built-in rules (rules/*.yaml), examples included' },
  disableRules: stringList('ids of rules to turn off'),
  ruleSettings: {
    type: 'object',
    additionalProperties: ruleSettings,
    description: 'per rule id: `enabled`, `severity`, `paths` / `excludePaths` (gitignore syntax), `allowlist` ({regexes, stopwords})',
  },
  allowlist: {
    type: 'object',
    additionalProperties: false,
    description: 'accepted for every rule: `paths` (gitignore syntax, relative to the config file), `regexes` and `stopwords` (matched against the secret)',
    properties: {
      paths: stringList('paths whose findings are accepted (gitignore syntax, relative to the config file)'),
      regexes: stringList('regular expressions; a secret any of them matches (anywhere in it) is accepted'),
      stopwords: stringList('words; a secret that contains any of them (any case) is accepted'),
    },
  },
};

export function configSchema(): Schema {
  const options = optionProperties();
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: CONFIG_SCHEMA_ID,
    title: 'keyguard configuration (keyguard.config.json, .keyguardrc.json, .keyguardrc.yaml)',
    type: 'object',
    additionalProperties: false,
    properties: { ...CONFIG_PROPERTIES, ...options },
  };
}
