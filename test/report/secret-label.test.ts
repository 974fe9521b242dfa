import { describe, expect, it } from 'vitest';
import { secretLabels } from '../../src/report/secret-label.js';
import { formatText } from '../../src/report/text.js';
import { GENERIC_FINDING, RULES, sampleResult } from './sample-result.js';

describe('what a finding\'s shown text is called', () => {
  it('is a secret for provider keys, a value for generic rules and a match for risky code', () => {
    const risky = { id: 'openai-dangerously-allow-browser', name: 'x', provider: 'OpenAI', severity: 'high' as const, description: 'x', references: [], category: 'risky-code' as const };
    const labelOf = secretLabels([...RULES, risky]);
    expect(labelOf('openai-project-key')).toBe('secret');
    expect(labelOf('generic-api-key')).toBe('value');
    expect(labelOf('openai-dangerously-allow-browser')).toBe('match');
  });

  it('labels a generic finding "value" in the text report', () => {
    const text = formatText(sampleResult([GENERIC_FINDING]), { color: false, verbose: false });
    expect(text).toMatch(/\n {4}value {3}\S/);
    expect(text).not.toMatch(/\n {4}secret /);
  });
});
