import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { locateRepo } from '../git/locate.js';
import type { Severity } from '../finding/finding.js';
import { RuleError, validateRule } from '../rules/validate.js';
import type { RuleWithExamples } from '../rules/types.js';
import { ConfigError } from './error.js';
import { assertSafeRegex } from './safe-regex.js';
import type { KeyguardConfig, RuleSettings, ValueAllowlist } from './types.js';

/** The names a config file is found under, in this order, in the scanned folder and then the repository root. */
export const CONFIG_FILE_NAMES = ['keyguard.config.json', '.keyguardrc.json', '.keyguardrc.yaml', '.keyguardrc.yml'] as const;

/** The config file that applies to a scan of `root`: in `root`, else at the root of its repository. */
export function findConfigFile(root: string): string | null {
  const folders = [root];
  const worktree = locateRepo(root)?.worktree;
  if (worktree !== undefined && resolve(worktree) !== resolve(root)) folders.push(worktree);
  for (const folder of folders) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(folder, name);
      if (existsSync(file)) return file;
    }
  }
  return null;
}

/** `explicit` (--config) when given, else the file found for `root`; null when there is none. */
export async function loadConfigFor(root: string, explicit?: string): Promise<KeyguardConfig | null> {
  if (explicit !== undefined) return loadConfigFile(explicit);
  const found = findConfigFile(root);
  return found === null ? null : loadConfigFile(found);
}

async function parseFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (/\.ya?ml$/i.test(file)) {
    // The default export: the CLI bundle gets yaml's CommonJS build, which has no named exports.
    const { parse } = (await import('yaml')).default;
    try {
      return parse(text);
    } catch (error) {
      throw new ConfigError(`${file}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  // jsonc-parser is loaded only for a JSON config: most scans have no config file at all.
  const { parseJsonText } = await import('../fs/json-text.js');
  try {
    return parseJsonText(text);
  } catch (error) {
    throw new ConfigError(`${file}: invalid JSON (${(error as Error).message})`);
  }
}

/** `/ruleSettings/x/severity` → `ruleSettings.x.severity`; the root is "(top level)". */
function fieldName(instancePath: string): string {
  if (instancePath === '') return '(top level)';
  return instancePath.slice(1).split('/').map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~')).join('.').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

interface SchemaError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** The most useful of ajv's errors, as "field: problem". */
function describeSchemaError(errors: readonly SchemaError[]): string {
  // oneOf/anyOf report their branches' errors too; the deepest error names the field best.
  const error = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0]!;
  const field = fieldName(error.instancePath);
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params.additionalProperty);
    return `${error.instancePath === '' ? key : `${field}.${key}`}: unknown key (typo?)`;
  }
  if (error.keyword === 'enum') return `${field}: must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
  return `${field}: ${error.message ?? error.keyword}`;
}

/**
 * Validates against the schema (docs/config.schema.json, built by schema.ts). ajv is loaded here
 * only, so a run without a config file never loads it.
 */
async function validateShape(parsed: unknown, file: string): Promise<void> {
  const [{ default: Ajv }, { configSchema }] = await Promise.all([import('ajv'), import('./schema.js')]);
  const ajv = new (Ajv as unknown as typeof import('ajv').default)({ allErrors: false, strict: false });
  const validate = ajv.compile(configSchema());
  if (!validate(parsed)) throw new ConfigError(`${file}: ${describeSchemaError(validate.errors as SchemaError[])}`);
}

function compileRegex(pattern: string, where: string): RegExp {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'i');
  } catch (error) {
    throw new ConfigError(`${where}: not a valid regular expression: ${(error as Error).message}`);
  }
  assertSafeRegex(pattern, where);
  return regex;
}

interface RawAllowlist {
  regexes?: string[];
  stopwords?: string[];
}

function valueAllowlist(raw: RawAllowlist | undefined, where: string): ValueAllowlist {
  return {
    regexes: (raw?.regexes ?? []).map((pattern, index) => compileRegex(pattern, `${where}.regexes[${index}]`)),
    stopwords: (raw?.stopwords ?? []).map((word) => word.toLowerCase()),
  };
}

interface RawConfig {
  rules?: unknown[];
  disableRules?: string[];
  ruleSettings?: Record<string, { enabled?: boolean; severity?: Severity; paths?: string[]; excludePaths?: string[]; allowlist?: RawAllowlist }>;
  allowlist?: RawAllowlist & { paths?: string[] };
  [option: string]: unknown;
}

async function customRules(raw: readonly unknown[], file: string): Promise<RuleWithExamples[]> {
  const rules = raw.map((entry, index) => {
    const where = `${file}: rules[${index}]`;
    try {
      return validateRule(entry, where, 'Custom');
    } catch (error) {
      if (error instanceof RuleError) throw new ConfigError(error.message);
      throw error;
    }
  });
  rules.forEach((rule, index) => {
    assertSafeRegex(rule.pattern, `${file}: rules[${index}] (${rule.id}).pattern`);
    if (rule.context) assertSafeRegex(rule.context.pattern, `${file}: rules[${index}] (${rule.id}).context.pattern`);
  });
  if (rules.length === 0) return rules;
  // Loaded only for a config with rules of its own: the built-in rules' facts come with the build.
  const { withDerivedFacts } = await import('../rules/derived-facts.js');
  return rules.map(withDerivedFacts);
}

/** Reads, validates and prepares one config file; any problem is a one-line ConfigError. */
export async function loadConfigFile(path: string): Promise<KeyguardConfig> {
  const file = path;
  const parsed = await parseFile(file);
  await validateShape(parsed, file);
  const raw = parsed as RawConfig;
  const dir = dirname(resolve(file));

  const ruleSettings = new Map<string, RuleSettings>();
  for (const [id, settings] of Object.entries(raw.ruleSettings ?? {})) {
    const { allowlist, ...rest } = settings;
    ruleSettings.set(id, { ...rest, enabled: settings.enabled !== false, ...(allowlist && { allowlist: valueAllowlist(allowlist, `${file}: ruleSettings.${id}.allowlist`) }) });
  }
  for (const id of raw.disableRules ?? []) ruleSettings.set(id, { ...ruleSettings.get(id), enabled: false });

  const options: Record<string, unknown> = { ...raw };
  for (const key of ['$schema', 'rules', 'disableRules', 'ruleSettings', 'allowlist']) delete options[key];
  if (typeof options.baseline === 'string') options.baseline = resolve(dir, options.baseline);
  return {
    file,
    dir,
    rules: await customRules(raw.rules ?? [], file),
    ruleSettings,
    allowPaths: raw.allowlist?.paths ?? [],
    allowlist: valueAllowlist(raw.allowlist, `${file}: allowlist`),
    options: options as KeyguardConfig['options'],
  };
}
