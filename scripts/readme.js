// Regenerates the README's rule table, option list and config table, and docs/config.schema.json,
// from rules/, src/cli/scan-flags.ts and src/config/schema.ts (which is itself built from the option
// table), so the documentation cannot drift from the code. `--check` only compares (the suite runs it).
import { readFileSync, writeFileSync } from 'node:fs';
import { BUILTIN_RULES_DIR, loadRuleDirectory } from '../dist/rules/load.js';
import { SCAN_FLAGS } from '../dist/cli/scan-flags.js';
import { VERIFIERS, unverifiableReason } from '../dist/verify/providers/index.js';
import { configSchema } from '../dist/config/schema.js';

const README = new URL('../README.md', import.meta.url);
const CONFIG_SCHEMA = new URL('../docs/config.schema.json', import.meta.url);

function rulesTable(rules) {
  const rows = rules.map((rule) => `| \`${rule.id}\` | ${rule.provider} | ${rule.severity} | ${rule.description.replaceAll('|', '\\|')} |`);
  return ['| id | provider | severity | what it finds |', '|---|---|---|---|', ...rows].join('\n');
}

function optionsTable() {
  const rows = SCAN_FLAGS.map((spec) => {
    const extra = [spec.choices ? `one of ${spec.choices.join(', ')}` : '', spec.defaultValue !== undefined ? `default ${spec.defaultValue}` : '']
      .filter(Boolean)
      .join('; ');
    return `| \`${spec.flags}\` | ${spec.description}${extra ? ` (${extra})` : ''} |`;
  });
  return ['| option | meaning |', '|---|---|', ...rows].join('\n');
}

/** `keyguard scan --verify`: who is asked, where, for which rules; then the rules nobody is asked about, and why. */
function verifiersTable(rules) {
  const rows = VERIFIERS.map((verifier) => `| ${verifier.provider} | ${verifier.ruleIds.map((id) => `\`${id}\``).join(', ')} | \`${verifier.endpoint}\` |`);
  const verified = new Set(VERIFIERS.flatMap((verifier) => verifier.ruleIds));
  const reasons = new Map();
  for (const rule of rules.filter((rule) => !verified.has(rule.id) && rule.category !== 'risky-code')) {
    const reason = unverifiableReason(rule.id, rule.provider);
    reasons.set(reason, [...(reasons.get(reason) ?? []), rule.id]);
  }
  const unverified = [...reasons].map(([reason, ids]) => `- Not verified (status \`unknown\`), ${reason}: ${ids.map((id) => `\`${id}\``).join(', ')}.`);
  return ['| provider | rules | request |', '|---|---|---|', ...rows, '', ...unverified].join('\n');
}

function configTable(schema) {
  const typeOf = (property) => (property.enum ? property.enum.join(' \\| ') : property.type === 'array' ? 'list' : (property.type ?? 'any'));
  const rows = Object.entries(schema.properties).map(([key, property]) => `| \`${key}\` | ${typeOf(property)} | ${property.description.replaceAll('|', '\\|')} |`);
  return ['| key | value | meaning |', '|---|---|---|', ...rows].join('\n');
}

function replaceSection(text, name, body) {
  const start = `<!-- generated:${name} -->`;
  const end = `<!-- /generated:${name} -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1) throw new Error(`README.md lacks the ${start} ... ${end} markers`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

const rules = await loadRuleDirectory(BUILTIN_RULES_DIR);
const current = readFileSync(README, 'utf8');
const schema = configSchema();
const next = replaceSection(replaceSection(replaceSection(replaceSection(current, 'rules', rulesTable(rules)), 'options', optionsTable()), 'verifiers', verifiersTable(rules)), 'config', configTable(schema));
const schemaText = `${JSON.stringify(schema, null, 2)}\n`;
let currentSchema = '';
try {
  currentSchema = readFileSync(CONFIG_SCHEMA, 'utf8');
} catch {}
if (process.argv.includes('--check')) {
  if (next !== current || schemaText !== currentSchema) {
    console.error('README.md or docs/config.schema.json is out of date: run `node scripts/readme.js`');
    process.exit(1);
  }
} else {
  if (next !== current) {
    writeFileSync(README, next);
    console.log('README.md updated');
  }
  if (schemaText !== currentSchema) {
    writeFileSync(CONFIG_SCHEMA, schemaText);
    console.log('docs/config.schema.json updated');
  }
}
