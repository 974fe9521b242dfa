// The GitHub Action's last step (action.yml): reads the SARIF report keyguard wrote, sets the
// `findings` output to the number of results and prints one annotation per finding, so they show
// on the pull request's files. Messages come from the report, where secrets are redacted.
//
//   node scripts/action-report.js <report.sarif>
//
// SARIF URIs are relative to the repository root (keyguard writes them so even when a subfolder is
// scanned), which is where annotation paths start too.
import { appendFileSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Workflow command data: %, CR and LF must be escaped (properties also escape : and ,). */
const escapeData = (text) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function annotations(sarif) {
  const results = sarif.runs.flatMap((run) => run.results ?? []);
  return results.map((result) => {
    const location = result.locations?.[0]?.physicalLocation;
    const file = location ? posix.normalize(decodeURIComponent(location.artifactLocation.uri)) : null;
    const where = file ? `file=${escapeProperty(file)},line=${location.region?.startLine ?? 1},` : '';
    const command = result.level === 'error' ? 'error' : 'warning';
    return `::${command} ${where}title=${escapeProperty(`keyguard: ${result.ruleId}`)}::${escapeData(result.message.text)}`;
  });
}

function main([reportFile]) {
  const lines = annotations(JSON.parse(readFileSync(reportFile, 'utf8')));
  for (const line of lines) console.log(line);
  console.log(`keyguard: ${lines.length} finding(s); SARIF report: ${reportFile}`);
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `findings=${lines.length}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
