// `node bench/walk-only.js [folder] [--runs N]`: keyguard's folder walk alone (src/sources/walk.ts: readdir,
// ignore rules; no reading, no detection) against `rg --files -uuu` on the same folder, alternating.
// The walk runs in this process after a warm-up, so its CPU excludes Node's start-up (~0.1 s); rg's
// includes its own (a few ms). Default folder: the benchmark's tree corpus. Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { walk } from '../dist/sources/walk.js';
import { IgnoreRules } from '../dist/sources/ignore-rules.js';
import { benchDir } from './corpus.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '5' } } });
const folder = positionals[0] ?? join(benchDir(), 'tree');
const runs = Number(values.runs);

function walkOnce() {
  const counts = { files: 0, skipped: 0 };
  const skip = () => counts.skipped++;
  const options = { buildOutput: true, onUnreadable: skip, onIgnored: skip, onNotAFile: skip };
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const _file of walk(folder, IgnoreRules.empty(), options)) counts.files++;
  const used = process.cpuUsage(cpu);
  return { ...counts, ms: performance.now() - started, cpu: (used.user + used.system) / 1e6 };
}

function rgOnce() {
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S', 'rg', '--files', '-uuu', folder], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`rg --files failed: ${run.stderr}`);
  const [user, sys] = run.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { files: run.stdout.split('\n').length - 1, ms: performance.now() - started, cpu: user + sys };
}

walkOnce();
rgOnce();
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const samples = { walk: [], rg: [] };
for (let run = 0; run < runs; run++) {
  samples.walk.push(walkOnce());
  samples.rg.push(rgOnce());
}
for (const [label, list] of Object.entries(samples)) {
  console.log(`${label.padEnd(5)} ${list[0].files} files  median ${median(list.map((s) => s.ms)).toFixed(0)} ms wall, ${median(list.map((s) => s.cpu)).toFixed(2)} s CPU`);
}
console.log(`walk/rg CPU ratio ${(median(samples.walk.map((s) => s.cpu)) / median(samples.rg.map((s) => s.cpu))).toFixed(2)}`);
