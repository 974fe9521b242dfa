/**
 * Whether a file's text is a report keyguard wrote, in any --format, so that `--output` may
 * replace it on the next run (the README's CI recipe writes keyguard.sarif into the checkout it
 * scans) while any other file the scan reads is refused. Each check follows what the formatter
 * writes: JSON and SARIF name the tool at their start, a text report has its summary lines, a
 * compact report is nothing but finding lines. An empty file (a quiet, clean text run) holds
 * nothing to lose.
 */
import { SEVERITIES } from '../finding/finding.js';
import { TOOL_NAME } from './tool.js';

const NAME = JSON.stringify(TOOL_NAME);
/** src/report/json.ts: `version`, then `tool` with its `name`. */
const JSON_START = new RegExp(`^\\s*\\{\\s*"version"\\s*:\\s*"[^"]*"\\s*,\\s*"tool"\\s*:\\s*\\{\\s*"name"\\s*:\\s*${NAME}`);
/** src/report/sarif.ts: `$schema`, `version`, then the first run's tool driver and its `name`. */
const SARIF_START = new RegExp(
  `^\\s*\\{\\s*"\\$schema"\\s*:\\s*"[^"]*"\\s*,\\s*"version"\\s*:\\s*"2\\.1\\.0"\\s*,\\s*"runs"\\s*:\\s*\\[\\s*\\{\\s*"tool"\\s*:\\s*\\{\\s*"driver"\\s*:\\s*\\{\\s*"name"\\s*:\\s*${NAME}`,
);
/** src/report/text.ts: the headline and the "Scanned …" line of its summary. */
const TEXT_HEADLINE = /^(?:✔ No secrets found|✖ \d+ findings?: .+)$/m;
const TEXT_SCANNED = /^Scanned \d+ files? \(.+\)(?:, .+)? in .+$/m;
/** src/report/compact.ts: `path:line:column severity rule [secret]`. */
const COMPACT_LINE = new RegExp(`^.+:\\d+:\\d+ (?:${SEVERITIES.join('|')}) \\S+(?: .*)?$`);

export function isKeyguardReport(text: string): boolean {
  if (text.trim() === '') return true;
  if (JSON_START.test(text) || SARIF_START.test(text)) return true;
  if (TEXT_HEADLINE.test(text) && TEXT_SCANNED.test(text)) return true;
  return text.split('\n').every((line) => line === '' || COMPACT_LINE.test(line));
}
