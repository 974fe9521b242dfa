import { relative, resolve } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { KeyguardConfig, ValueAllowlist } from '../config/types.js';
import type { RawFinding } from '../finding/raw-finding.js';

/** What a config says about a finding once it is found. */
export type ConfigVerdict =
  /** The rule is turned off (a hygiene check: pattern rules that are off never run). */
  | 'disabled'
  /** Outside the rule's `paths`, inside its `excludePaths`, or in an allowlisted path or value. */
  | 'accepted'
  | 'kept';

function matcher(patterns: readonly string[] | undefined): Ignore | null {
  return patterns && patterns.length > 0 ? ignore().add(patterns) : null;
}

function allowsValue(allowlist: ValueAllowlist | undefined, secret: string): boolean {
  if (!allowlist || secret === '') return false;
  const lower = secret.toLowerCase();
  return allowlist.regexes.some((regex) => regex.test(secret)) || allowlist.stopwords.some((word) => lower.includes(word));
}

/**
 * Judges findings by a config's path scopes and allowlists. Paths in a config are relative to the
 * config file's folder, whatever folder is scanned; a finding outside that folder matches none.
 */
export function configJudge(config: KeyguardConfig, root: string): (finding: RawFinding) => ConfigVerdict {
  const allowPaths = matcher(config.allowPaths);
  const scopes = new Map([...config.ruleSettings].map(([id, settings]) => [id, { include: matcher(settings.paths), exclude: matcher(settings.excludePaths) }]));
  const configFile = resolve(config.file);
  const examples = config.rules.flatMap((rule) => [...rule.examples, ...rule.negativeExamples]).map((example) => (typeof example === 'string' ? example : example.text));
  return (finding) => {
    const settings = config.ruleSettings.get(finding.ruleId);
    if (settings?.enabled === false) return 'disabled';
    const absolute = resolve(root, finding.file);
    // A custom rule's literal examples sit in the config file itself: they are not leaks.
    if (absolute === configFile && finding.rawSecret !== '' && examples.some((text) => text.includes(finding.rawSecret))) return 'accepted';
    const path = relative(config.dir, absolute).split('\\').join('/');
    const inside = path !== '' && !path.startsWith('../') && path !== '..';
    const scope = scopes.get(finding.ruleId);
    if (scope?.include && !(inside && scope.include.ignores(path))) return 'accepted';
    if (inside && scope?.exclude?.ignores(path)) return 'accepted';
    if (inside && allowPaths?.ignores(path)) return 'accepted';
    if (allowsValue(config.allowlist, finding.rawSecret) || allowsValue(settings?.allowlist, finding.rawSecret)) return 'accepted';
    return 'kept';
  };
}
