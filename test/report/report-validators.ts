// The two published schemas a report must satisfy, compiled once for the tests that check reports
// end to end: keyguard's JSON report schema and the official SARIF 2.1.0 schema (vendored).
import { readFileSync } from 'node:fs';
import ajvDraft04 from 'ajv-draft-04';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { addUriAndDateFormats } from './schema-formats.js';

const jsonAjv = new Ajv2020({ allErrors: true });
addUriAndDateFormats(jsonAjv);
export const validateJson = jsonAjv.compile(JSON.parse(readFileSync(new URL('../../docs/json-report.schema.json', import.meta.url), 'utf8')));

const sarifAjv = new ajvDraft04.default({ allErrors: true });
addUriAndDateFormats(sarifAjv);
export const validateSarif = sarifAjv.compile(JSON.parse(readFileSync(new URL('../schemas/sarif-schema-2.1.0.json', import.meta.url), 'utf8')));
