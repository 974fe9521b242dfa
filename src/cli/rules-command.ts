import { verificationOf } from '../verify/providers/index.js';
import { loadConfigFor } from '../config/load.js';
import { loadRegistry } from '../rules/registry.js';

interface RuleRow {
  id: string;
  provider: string;
  severity: string;
  description: string;
}

/** How many rules each provider has, most first (ties by name), to show the coverage at a glance. */
export function countByProvider(rows: readonly Pick<RuleRow, 'provider'>[]): Array<{ provider: string; rules: number }> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.provider, (counts.get(row.provider) ?? 0) + 1);
  return [...counts]
    .map(([provider, rules]) => ({ provider, rules }))
    .sort((a, b) => b.rules - a.rules || a.provider.localeCompare(b.provider));
}

/** `keyguard rules`: the rule table and a count by provider, for people (aligned text) or scripts (JSON). */
export async function runRulesCommand(format: string, configFile?: string): Promise<number> {
  const { rules } = await loadRegistry(await loadConfigFor(process.cwd(), configFile));
  const rows: RuleRow[] = rules.map((rule) => ({ id: rule.id, provider: rule.provider, severity: rule.severity, description: rule.description }));
  if (format === 'json') {
    // How `scan --verify` checks each rule's keys: the endpoint asked, or why they are not checked.
    const withVerification = rows.map((row) => ({ ...row, verification: verificationOf(row.id, row.provider) }));
    process.stdout.write(`${JSON.stringify(withVerification, null, 2)}\n`);
    return 0;
  }
  const idWidth = Math.max(...rows.map((row) => row.id.length));
  const providerWidth = Math.max(...rows.map((row) => row.provider.length));
  const lines = rows.map(
    (row) => `${row.id.padEnd(idWidth)}  ${row.provider.padEnd(providerWidth)}  ${row.severity.padEnd(8)}  ${row.description}`,
  );
  const byProvider = countByProvider(rows);
  const summary = byProvider.map(({ provider, rules: count }) => `  ${provider.padEnd(providerWidth)}  ${count}`);
  process.stdout.write(
    `${lines.join('\n')}\n\nRules by provider:\n${summary.join('\n')}\n${rows.length} rules from ${byProvider.length} providers\n`,
  );
  return 0;
}
