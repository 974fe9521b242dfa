import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/report/index.js';
import { formatJson } from '../../src/report/json.js';
import { formatSarif } from '../../src/report/sarif.js';
import { formatText } from '../../src/report/text.js';
import { sampleResult } from './sample-result.js';

describe('formatReport', () => {
  const result = sampleResult();
  const options = { color: false, verbose: true };

  it('hands each format to its reporter', () => {
    expect(formatReport(result, 'text', options)).toBe(formatText(result, options));
    expect(formatReport(result, 'json', options)).toBe(formatJson(result));
    expect(formatReport(result, 'sarif', options)).toBe(formatSarif(result));
  });
});
