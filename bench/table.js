// Pure formatting for bench/results.md: markdown tables and human-readable numbers.

/** A GitHub-flavoured markdown table; `|` and newlines inside cells are escaped so a cell cannot break the row. */
export function markdownTable(headers, rows) {
  const line = (cells) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

function escapeCell(value) {
  return String(value ?? '').replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** "85 ms" below a second, then "1.23 s", then "12.3 s". */
export function formatMs(ms) {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatRatio(ratio) {
  return `${ratio < 10 ? ratio.toFixed(2) : Math.round(ratio)}×`;
}

/** A rate with three significant digits at most, so columns stay readable from 0.5 to 50,000. */
export function formatRate(value) {
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toPrecision(3);
}

export function passFail(ok) {
  return ok ? 'pass' : '**FAIL**';
}
