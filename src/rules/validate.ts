import { KeyguardError } from '../errors.js';
import { isSeverity } from '../finding/finding.js';
import { expandTemplate, isTemplate, TemplateError } from './template.js';
import type { RuleDefinition, RuleExample, RuleWithExamples } from './types.js';

/** How a name-anchored pattern begins: no name character before the match. */
const NAME_START = '(?<![\\w.-])';

/** A rule file that cannot be used; the message names the file, the rule and the field. */
export class RuleError extends KeyguardError {
  override name = 'RuleError';
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ALLOWED_FLAGS = /^[im]*$/;

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Number of capturing groups in a regex source: compile it with an empty alternative and count. */
function captureGroupCount(pattern: RegExp): number {
  return new RegExp(`${pattern.source}|`).exec('')!.length - 1;
}

function exampleText(example: RuleExample): string {
  return typeof example === 'string' ? example : example.text;
}

function isExample(value: unknown): value is RuleExample {
  return typeof value === 'string' || (isRecord(value) && typeof value.text === 'string' && typeof value.path === 'string');
}

/**
 * Checks one parsed rules file and returns its rules with the provider filled in. Throws a
 * RuleError on the first problem, naming `file`, the rule id (or index) and the field.
 */
export function validateRuleFile(parsed: unknown, file: string): RuleWithExamples[] {
  if (!isRecord(parsed)) throw new RuleError(`${file}: expected a mapping with "provider" and "rules"`);
  if (typeof parsed.provider !== 'string' || !parsed.provider) throw new RuleError(`${file}: "provider" must be a non-empty string`);
  if (!Array.isArray(parsed.rules) || parsed.rules.length === 0) throw new RuleError(`${file}: "rules" must be a non-empty list`);
  const provider = parsed.provider;
  return parsed.rules.map((raw: unknown, index: number) => validateRule(raw, `${file}: rules[${index}]`, provider));
}

/** Checks one rule (of a rules file or a config file); `where` starts every error message. */
export function validateRule(raw: unknown, where: string, provider: string): RuleWithExamples {
  if (!isRecord(raw)) throw new RuleError(`${where}: expected a mapping`);
  const at = typeof raw.id === 'string' ? `${where} (${raw.id})` : where;
  const fail = (field: string, problem: string): never => {
    throw new RuleError(`${at}: "${field}" ${problem}`);
  };
  const text = (field: string): string => {
    const value = raw[field];
    if (typeof value !== 'string' || value.trim() === '') fail(field, 'must be a non-empty string');
    return value as string;
  };
  const stringList = (field: string): string[] => {
    const value = raw[field];
    if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === 'string' && item !== '')) {
      fail(field, 'must be a non-empty list of strings');
    }
    return value as string[];
  };
  const exampleList = (field: string): RuleExample[] => {
    const value = raw[field];
    if (!Array.isArray(value) || value.length === 0) fail(field, 'must be a non-empty list (every rule proves itself both ways)');
    if (!(value as unknown[]).every(isExample)) fail(field, 'items must be strings or {text, path} mappings');
    (value as RuleExample[]).forEach((example, index) => {
      try {
        expandTemplate(exampleText(example), 'validate');
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error;
        fail(field, `example ${index + 1}: ${error.message}`);
      }
    });
    return value as RuleExample[];
  };

  const id = text('id');
  if (!ID.test(id)) fail('id', 'must be kebab-case (a-z, 0-9, -)');
  const severity = text('severity');
  if (!isSeverity(severity)) fail('severity', 'must be one of info, low, medium, high, critical');

  const flags = raw.flags === undefined ? '' : text('flags');
  if (!ALLOWED_FLAGS.test(flags)) fail('flags', 'may only contain "i" and "m"');
  const pattern = text('pattern');
  let compiled: RegExp;
  try {
    compiled = new RegExp(pattern, flags);
  } catch (error) {
    return fail('pattern', `is not a valid regular expression: ${(error as Error).message}`);
  }
  if (captureGroupCount(compiled) !== 1) fail('pattern', 'must have exactly one capturing group (the secret); use (?:...) for the others');

  const rule: RuleWithExamples = {
    id,
    name: text('name'),
    provider: raw.provider === undefined ? provider : text('provider'),
    severity: severity as RuleDefinition['severity'],
    description: text('description'),
    keywords: stringList('keywords'),
    pattern,
    examples: exampleList('examples'),
    negativeExamples: exampleList('negativeExamples'),
    references: stringList('references'),
  };
  if (flags) rule.flags = flags;
  if (raw.category !== undefined) {
    if (raw.category !== 'secret' && raw.category !== 'risky-code') fail('category', 'must be "secret" or "risky-code"');
    rule.category = raw.category as 'secret' | 'risky-code';
  }
  if (raw.entropy !== undefined) {
    if (typeof raw.entropy !== 'number' || raw.entropy < 0 || raw.entropy > 8) fail('entropy', 'must be a number of bits per character between 0 and 8');
    rule.entropy = raw.entropy as number;
  }
  if (raw.context !== undefined) {
    const context = raw.context;
    if (!isRecord(context) || typeof context.pattern !== 'string' || typeof context.within !== 'number' || context.within <= 0) {
      fail('context', 'must be {pattern: <regex>, within: <characters>}');
    }
    const { pattern: contextPattern, within } = context as { pattern: string; within: number };
    try {
      new RegExp(contextPattern, 'i');
    } catch (error) {
      fail('context.pattern', `is not a valid regular expression: ${(error as Error).message}`);
    }
    rule.context = { pattern: contextPattern, within };
  }
  if (raw.jwtClaims !== undefined) {
    const claims = raw.jwtClaims;
    if (!isRecord(claims) || Object.keys(claims).length === 0 || !Object.values(claims).every((value) => typeof value === 'string')) {
      fail('jwtClaims', 'must be a mapping of claim names to string values');
    }
    rule.jwtClaims = claims as Record<string, string>;
  }
  for (const flag of ['generic', 'multiline'] as const) {
    if (raw[flag] === undefined) continue;
    if (typeof raw[flag] !== 'boolean') fail(flag, 'must be true or false');
    rule[flag] = raw[flag] as boolean;
  }
  if (raw.anchor !== undefined) {
    if (raw.anchor !== 'name') fail('anchor', 'must be "name"');
    if (!rule.pattern.startsWith(NAME_START)) fail('anchor', `needs a pattern that starts with ${NAME_START}, where a name begins`);
    if (rule.keywords.some((keyword) => !/^[\w.-]+$/.test(keyword))) fail('anchor', 'needs keywords made of name characters ([\w.-])');
    if (rule.multiline) fail('anchor', 'cannot be combined with multiline');
    rule.anchor = 'name';
  }
  if (raw.remedy !== undefined) rule.remedy = text('remedy');
  if (raw.redos !== undefined) rule.redos = text('redos');
  const known = new Set(['id', 'name', 'provider', 'severity', 'description', 'category', 'keywords', 'pattern', 'flags', 'entropy', 'context', 'jwtClaims', 'generic', 'multiline', 'anchor', 'remedy', 'redos', 'examples', 'negativeExamples', 'references']);
  for (const field of Object.keys(raw)) if (!known.has(field)) fail(field, 'is not a known rule field (typo?)');
  return rule;
}

/** Rule ids must be unique across all files, or findings and SARIF rules would be ambiguous. */
export function assertUniqueIds(rules: RuleDefinition[]): void {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) throw new RuleError(`duplicate rule id "${rule.id}"`);
    seen.add(rule.id);
  }
}

/**
 * No example may hold a key-shaped literal: text that a provider (non-generic secret) rule's pattern
 * matches as written, before template expansion (rules that need context are left out: their bare
 * shapes match any hex string or UUID). Such a string would be flagged by keyguard itself,
 * by other scanners and by GitHub push protection in this repository and in the installed package;
 * written as a template (`sk-proj-{{urlsafe 74}}T3BlbkFJ{{urlsafe 74}}`) it is not. Checked once over
 * the whole rule set at build time, since one file's examples must pass every file's patterns.
 */
export function assertNoKeyShapedExamples(files: ReadonlyArray<{ file: string; rules: readonly RuleWithExamples[] }>): void {
  const patterns = files
    .flatMap(({ rules }) => rules)
    // Rules that need context (a provider name nearby) have bare shapes, 32 hex or a UUID, that
    // are not key-shaped on their own; a fixed-prefix rule's pattern is.
    .filter((rule) => rule.generic !== true && (rule.category ?? 'secret') === 'secret' && rule.context === undefined)
    .map((rule) => ({ id: rule.id, regex: new RegExp(rule.pattern, rule.flags ?? '') }));
  for (const { file, rules } of files) {
    rules.forEach((rule, ruleIndex) => {
      for (const field of ['examples', 'negativeExamples'] as const) {
        rule[field].forEach((example, index) => {
          const text = exampleText(example);
          const match = patterns.find(({ regex }) => regex.test(text));
          if (!match) return;
          const hint = isTemplate(text) ? 'write all of it as a template' : 'write it as a template';
          throw new RuleError(
            `${file}: rules[${ruleIndex}] (${rule.id}): "${field}" example ${index + 1} holds a key-shaped literal (matches ${match.id}); ${hint}, e.g. {{alnum 36}} or {{}} to split it`,
          );
        });
      }
    });
  }
}
