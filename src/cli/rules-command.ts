import { loadBuiltinRules } from '../rules/load.js';

/** `keyguard rules`: the rule table, for people (aligned text) or scripts (JSON). */
export async function runRulesCommand(format: string): Promise<number> {
  const rules = await loadBuiltinRules();
  const rows = rules.map((rule) => ({ id: rule.id, provider: rule.provider, severity: rule.severity, description: rule.description }));
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const idWidth = Math.max(...rows.map((row) => row.id.length));
  const providerWidth = Math.max(...rows.map((row) => row.provider.length));
  const lines = rows.map(
    (row) => `${row.id.padEnd(idWidth)}  ${row.provider.padEnd(providerWidth)}  ${row.severity.padEnd(8)}  ${row.description}`,
  );
  process.stdout.write(`${lines.join('\n')}\n${rows.length} rules\n`);
  return 0;
}
