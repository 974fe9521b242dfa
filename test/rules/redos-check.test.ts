import { describe, expect, it } from 'vitest';
import { checkRegexSafety } from '../../src/rules/redos.js';

// checkRegexSafety is what shipped rules (test/rules/redos-rules.test.ts) and `keyguard rules check` use; it runs offline.
describe('checkRegexSafety', () => {
  it('reports a nested repeat as vulnerable, with an attack string', async () => {
    const verdict = await checkRegexSafety('^(?:a+)+$', 'gd');
    expect(verdict.status).toBe('vulnerable');
    expect(verdict.complexity).toMatch(/exponential/);
    expect(verdict.attack).toBeTruthy();
  });

  it('reports a linear pattern as safe', async () => {
    const verdict = await checkRegexSafety('sk-[a-z0-9]{32}(?![a-z0-9])', 'gd');
    expect(verdict.status).toBe('safe');
  });
});
