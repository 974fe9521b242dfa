import { describe, expect, it } from 'vitest';
import { formatReport, REPORT_FORMATS } from '../../src/report/index.js';
import { ALL_FINDINGS, CLIENT_EXPOSED_FINDING, RAW_SECRETS, sampleResult } from './sample-result.js';

// Reporters print finding.secret as given: redacted findings must stay redacted in every format.
describe.each(REPORT_FORMATS)('the %s report', (format) => {
  it('contains no unredacted secret when the findings carry redacted ones', () => {
    const output = formatReport(sampleResult(), format, { color: false, verbose: true });
    for (const raw of Object.values(RAW_SECRETS)) expect(output).not.toContain(raw);
    for (const finding of ALL_FINDINGS) expect(output).toContain(finding.secret);
  });

  it('shows the secret in full when the finding carries it so (--show-secrets)', () => {
    const shown = { ...CLIENT_EXPOSED_FINDING, secret: RAW_SECRETS.openai };
    const output = formatReport(sampleResult([shown]), format, { color: false, verbose: false });
    expect(output).toContain(RAW_SECRETS.openai);
  });
});
