import { describe, expect, it } from 'vitest';
import { countByProvider } from '../../src/cli/rules-command.js';
import { loadRegistry } from '../../src/rules/registry.js';
import { runCli } from '../helpers/cli.js';

describe('countByProvider', () => {
  it('counts rules per provider, most first and ties by name', () => {
    const rows = ['OpenAI', 'Supabase', 'OpenAI', 'Anthropic', 'Supabase', 'OpenAI'].map((provider) => ({ provider }));
    expect(countByProvider(rows)).toEqual([
      { provider: 'OpenAI', rules: 3 },
      { provider: 'Supabase', rules: 2 },
      { provider: 'Anthropic', rules: 1 },
    ]);
  });
});

describe('keyguard rules', () => {
  it('prints the table, then the number of rules of every provider', async () => {
    const { rules } = await loadRegistry();
    const run = runCli(['rules'], { cwd: process.cwd() });
    expect(run.code).toBe(0);
    const [table, summary] = run.stdout.split('\nRules by provider:\n') as [string, string];
    expect(table.trimEnd().split('\n')).toHaveLength(rules.length);
    const providers = new Set(rules.map((rule) => rule.provider));
    const counted = summary.trimEnd().split('\n').slice(0, -1);
    expect(counted).toHaveLength(providers.size);
    const supabase = rules.filter((rule) => rule.provider === 'Supabase').length;
    expect(counted).toContainEqual(expect.stringMatching(new RegExp(`^  Supabase +${supabase}$`)));
    expect(summary.trimEnd().split('\n').at(-1)).toBe(`${rules.length} rules from ${providers.size} providers`);
  });

  it('keeps the JSON output a plain list of rules', async () => {
    const run = runCli(['rules', '--format', 'json'], { cwd: process.cwd() });
    const rows = JSON.parse(run.stdout) as Array<{ id: string; provider: string }>;
    expect(rows).toHaveLength((await loadRegistry()).rules.length);
    expect(rows.map((row) => row.id)).toEqual(expect.arrayContaining(['openai-project-key', 'env-file-tracked', 'gitignore-missing-entry']));
    expect(rows[0]).toEqual(expect.objectContaining({ id: expect.any(String), provider: expect.any(String) }));
  });
});
