import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/finding/finding.js';
import { formatJson } from '../../src/report/json.js';
import {
  ALL_FINDINGS,
  CLIENT_EXPOSED_FINDING,
  HISTORY_FINDING,
  HYGIENE_FINDING,
  sampleResult,
} from './sample-result.js';
import { addUriAndDateFormats } from './schema-formats.js';

const schema = JSON.parse(readFileSync(new URL('../../docs/json-report.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true });
addUriAndDateFormats(ajv);
const validate = ajv.compile(schema);

function parse(output: string) {
  return JSON.parse(output);
}

describe('formatJson', () => {
  it('matches docs/json-report.schema.json', () => {
    const report = parse(formatJson(sampleResult()));
    expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('matches the schema for a tree scan without findings', () => {
    const report = parse(formatJson(sampleResult([], { mode: 'tree', commitsScanned: null, blobsScanned: null })));
    expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('matches the schema for a --pack scan with ignored folders and files in skipped', () => {
    const skipped = [
      { path: 'node_modules/', reason: 'gitignore' as const },
      { path: 'fixtures/sample.js', reason: 'keyguardignore' as const },
    ];
    const report = parse(formatJson(sampleResult([], { mode: 'pack', commitsScanned: null, blobsScanned: null, filesSkipped: 1, skipped })));
    expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('is versioned, names the tool and leaves out the absolute root', () => {
    const result = sampleResult();
    const output = formatJson(result);
    const report = parse(output);
    expect(report.version).toBe('1');
    expect(report.tool).toEqual({ name: 'keyguard', version: '0.1.0' });
    expect(report).not.toHaveProperty('root');
    expect(output).not.toContain(result.root);
  });

  it('reports every finding with its fields as they are', () => {
    const report = parse(formatJson(sampleResult()));
    expect(report.findings).toEqual(ALL_FINDINGS);
    expect(report.findings[0].clientExposure).toEqual(CLIENT_EXPOSED_FINDING.clientExposure);
    expect(report.findings[1].commit).toEqual(HISTORY_FINDING.commit);
    expect(report.findings[3]).toMatchObject({ kind: 'hygiene', secret: '', commit: null });
    expect(report.summary.skipped[1]).toEqual({ path: 'db/dump.sql', reason: 'too-large', detail: '12 MB, over the 10 MB limit' });
  });

  it('copies only the documented fields, so internal state on a Finding stays out', () => {
    const withInternalState = { ...HYGIENE_FINDING, rawMatch: 'internal' } as Finding;
    const output = formatJson(sampleResult([withInternalState]));
    expect(output).not.toContain('rawMatch');
  });

  it('ends with a newline so it can be written to a file as is', () => {
    expect(formatJson(sampleResult())).toMatch(/}\n$/);
  });
});
