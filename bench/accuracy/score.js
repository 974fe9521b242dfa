// Scores the detector on the labelled corpus (corpus.js): recall per family over the true keys,
// precision per family over what the family's rules report.
import { readFileSync } from 'node:fs';
import { Detector } from '../../dist/detect/detector.js';
import { compileRules } from '../../dist/rules/compile.js';
import { buildCorpus, FAMILIES, familyOf } from './corpus.js';

/** The rules as the CLI runs them (dist/rules.json, built by `npm run build`). */
export function builtDetector() {
  return new Detector(compileRules(JSON.parse(readFileSync(new URL('../../dist/rules.json', import.meta.url), 'utf8'))));
}

/**
 * A finding is the labelled key when it reports the key (decoded or not), or the encoded value
 * that holds it (a rule that reads the Basic credentials as they are written).
 */
function isTheKey(finding, labelled) {
  if (!labelled.positive) return false;
  // A PEM block is reported as written: indented in YAML, with \n escapes in JSON.
  const bare = (text) => text.replace(/\\[nr]|\s/g, '');
  if (bare(finding.rawSecret).includes(bare(labelled.secret))) return true;
  return labelled.encoded !== null && finding.rawSecret.length >= 16 && labelled.encoded.includes(finding.rawSecret);
}

/**
 * Per family: positives (true keys), found (of those), reported (findings by the family's rules)
 * and correct (of those); plus the misses and false alarms, for people reading a regression.
 */
export function scoreCorpus(detector = builtDetector(), cases = buildCorpus()) {
  const rows = new Map(FAMILIES.map((family) => [family, { family, positives: 0, found: 0, decoys: 0, reported: 0, correct: 0 }]));
  const misses = [];
  const falseAlarms = [];
  for (const labelled of cases) {
    const findings = detector.detect({ path: labelled.path, content: Buffer.from(labelled.text, 'utf8') });
    const row = rows.get(labelled.family);
    if (labelled.positive) row.positives += 1;
    else row.decoys += 1;
    let found = false;
    for (const finding of findings) {
      const reporter = rows.get(familyOf(finding.provider));
      reporter.reported += 1;
      if (isTheKey(finding, labelled)) {
        reporter.correct += 1;
        found = true;
      } else {
        falseAlarms.push(`${labelled.kind} in ${labelled.context} (${labelled.path}): ${finding.ruleId}`);
      }
    }
    if (labelled.positive && found) row.found += 1;
    if (labelled.positive && !found) misses.push(`${labelled.kind} in ${labelled.context} (${labelled.path})`);
  }
  const ratio = (part, whole) => (whole === 0 ? 1 : part / whole);
  const table = [...rows.values()].map((row) => ({ ...row, recall: ratio(row.found, row.positives), precision: ratio(row.correct, row.reported) }));
  const total = table.reduce((sum, row) => ({ positives: sum.positives + row.positives, found: sum.found + row.found, decoys: sum.decoys + row.decoys, reported: sum.reported + row.reported, correct: sum.correct + row.correct }), { positives: 0, found: 0, decoys: 0, reported: 0, correct: 0 });
  return { table, total: { family: 'All', ...total, recall: ratio(total.found, total.positives), precision: ratio(total.correct, total.reported) }, misses, falseAlarms };
}

const percent = (value) => `${(value * 100).toFixed(1)} %`;

/** The README table. */
export function renderTable({ table, total }) {
  const lines = ['| Family | True keys | Found | Recall | Decoys | Findings | Precision |', '|---|---:|---:|---:|---:|---:|---:|'];
  for (const row of [...table, total]) {
    const name = row === total ? '**All**' : row.family;
    lines.push(`| ${name} | ${row.positives} | ${row.found} | ${percent(row.recall)} | ${row.decoys} | ${row.reported} | ${percent(row.precision)} |`);
  }
  return lines.join('\n');
}
