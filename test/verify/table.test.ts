import { describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/rules/load.js';
import { UNVERIFIABLE, VERIFIERS } from '../../src/verify/providers/index.js';
import { runCli } from '../helpers/cli.js';

describe('the verifier table', () => {
  it('names only rules that exist, each in one place', async () => {
    const ids = new Set((await loadBuiltinRules()).map((rule) => rule.id));
    const named = [...VERIFIERS.flatMap((verifier) => verifier.ruleIds), ...UNVERIFIABLE.flatMap((entry) => entry.ruleIds)];
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
    expect(new Set(named).size).toBe(named.length);
  });

  it('gives each verifier a fixed official host and an HTTPS key page', () => {
    for (const verifier of VERIFIERS) {
      if (typeof verifier.host === 'string') expect(verifier.host).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
      expect(verifier.keyPage).toMatch(/^https:\/\//);
    }
  });

  it('is in `keyguard rules --format json`: the endpoint asked, or why a rule is not verified', () => {
    const rows = JSON.parse(runCli(['rules', '--format', 'json'], { cwd: process.cwd() }).stdout) as Array<{ id: string; verification: Record<string, string> }>;
    const of = (id: string) => rows.find((row) => row.id === id)?.verification;
    expect(of('openai-project-key')).toEqual({ endpoint: expect.stringContaining('https://api.openai.com/v1/models') });
    expect(of('perplexity-api-key')).toEqual({ unverifiable: expect.stringContaining('knows no documented, free, read-only endpoint') });
    expect(of('qdrant-api-key')).toEqual({ unverifiable: expect.stringContaining('never sends a key to a host named in scanned content') });
    expect(rows.every((row) => row.verification !== undefined)).toBe(true);
  });
});
