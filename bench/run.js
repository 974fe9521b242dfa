// `npm run bench`: keyguard's performance benchmark against ripgrep, secretlint and git, on corpora built
// once outside the repo. Writes bench/results.md and prints it.
//
//   npm run bench                              all scenarios, 5 runs each (KEYGUARD_BENCH_RUNS)
//   npm run bench -- --only tree,history       some scenarios: tree, secretlint, history, staged, linearity,
//                                              memory (1 GB generated inputs, bench/generate.js), archive-overhead
//   npm run bench -- --runs 3                  timed runs per command (after one warm-up run each)
//   npm run bench -- --quick                   1 run each, no secretlint
//   KEYGUARD_BENCH_DIR=/big/disk npm run bench  where the corpora and tools are cached (~/.cache/keyguard-bench)
//   npm run bench -- --clean                   delete that cache folder (~1.3 GB once everything is built, ~3.5 GB with the memory inputs)
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { renderReport } from './report.js';
import { referencePatternFile, REFERENCE_PATTERNS } from './reference-patterns.js';
import { archiveOverheadScenario, memoryScenario } from './memory.js';
import { historyScenario, linearityScenario, secretlintScenario, stagedScenario, treeScenario } from './scenarios.js';
import {
  benchDir, buildKeyguard, capture, cleanCache, ensureCorpora, ensureGnuTime, ensureRipgrep, ensureSecretlint,
} from './setup.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCENARIOS = ['tree', 'secretlint', 'history', 'staged', 'linearity', 'memory', 'archive-overhead'];
/** Scenarios that need none of the npm corpora (they generate their own inputs). */
const GENERATED = ['memory'];

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' }, runs: { type: 'string' }, quick: { type: 'boolean', default: false }, clean: { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.quick ? 1 : (values.runs ?? process.env.KEYGUARD_BENCH_RUNS ?? 5));
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs expects a whole number ≥ 1, got "${values.runs}"`);
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : SCENARIOS;
  const unknown = only.filter((name) => !SCENARIOS.includes(name));
  if (unknown.length > 0) throw new Error(`unknown scenario(s) ${unknown.join(', ')}; choose from ${SCENARIOS.join(', ')}`);
  const selected = values.quick ? only.filter((name) => name !== 'secretlint') : only;
  return { runs, selected, clean: values.clean };
}

/**
 * Writes ripgrep's two inputs: the reference patterns (bench/reference-patterns.js) and the literal
 * keywords of keyguard's rules, the floor for any scanner that reads every byte looking for keywords.
 */
function preparePatterns(dir) {
  const patternFile = join(dir, 'reference-patterns.rg');
  writeFileSync(patternFile, referencePatternFile());
  const rules = JSON.parse(readFileSync(join(REPO_ROOT, 'dist', 'rules.json'), 'utf8'));
  const keywordFile = join(dir, 'keyguard-keywords.txt');
  writeFileSync(keywordFile, `${[...new Set(rules.flatMap((rule) => rule.keywords.map((keyword) => keyword.toLowerCase())))].join('\n')}\n`);
  return { patternFile, keywordFile, rules: rules.length };
}

/** The 1-minute load average, to show whether something else was busy on the machine during the run. */
function load() {
  return loadavg()[0].toFixed(2);
}

function machineRows(tools, loadAtStart) {
  const dirty = capture('git', ['-C', REPO_ROOT, 'status', '--porcelain', '--', 'src', 'rules']);
  const commit = capture('git', ['-C', REPO_ROOT, 'rev-parse', '--short', 'HEAD']);
  return [
    ['CPU', `${cpus()[0]?.model ?? 'unknown'} — ${availableParallelism()} cores available`],
    ['Load average (1 min)', `${loadAtStart} at the start, ${load()} at the end`],
    ['Node', process.version],
    ['git', capture('git', ['--version'])],
    ['ripgrep', tools.rg],
    ['secretlint', tools.secretlint ?? 'not run'],
    ['keyguard', `${commit ?? 'unknown commit'}${dirty ? ' + uncommitted changes in src/ or rules/' : ''}`],
  ];
}

async function runScenarios(ctx, selected) {
  const sections = [];
  const log = (name) => console.error(`bench: --- ${name} ---`);
  let tree;
  if (selected.includes('tree')) { log('tree'); tree = treeScenario(ctx); sections.push(tree); }
  if (selected.includes('secretlint')) { log('secretlint'); sections.push(secretlintScenario(ctx)); }
  if (selected.includes('history')) { log('history'); sections.push(historyScenario(ctx)); }
  if (selected.includes('staged')) { log('staged'); sections.push(stagedScenario(ctx)); }
  if (selected.includes('linearity')) { log('linearity'); sections.push(linearityScenario(ctx, tree?.keyguardSamples)); }
  if (selected.includes('memory')) { log('memory'); sections.push(await memoryScenario(ctx)); }
  if (selected.includes('archive-overhead')) { log('archive-overhead'); sections.push(archiveOverheadScenario(ctx)); }
  return sections;
}

async function main() {
  const loadAtStart = load();
  const { runs, selected, clean } = parseOptions(process.argv.slice(2));
  const dir = benchDir();
  if (clean) {
    cleanCache(dir);
    return;
  }
  const needsTree = selected.some((name) => name !== 'history' && !GENERATED.includes(name));
  await ensureCorpora(dir, { tree: needsTree, history: selected.includes('history') });
  const rgVersion = ensureRipgrep();
  ensureGnuTime();
  const secretlint = selected.includes('secretlint') ? ensureSecretlint(dir) : null;
  buildKeyguard(REPO_ROOT);
  const rg = preparePatterns(dir);

  const ctx = { dir, runs, rg, secretlint, keyguardBin: join(REPO_ROOT, 'bin', 'keyguard.js'), workDir: join(dir, 'runs') };
  const sections = await runScenarios(ctx, selected);

  const meta = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    machine: machineRows({ rg: rgVersion, secretlint: secretlint && `${secretlint.version} + @secretlint/secretlint-rule-preset-recommend` }, loadAtStart),
    method: `Each command ran once as a warm-up (unless a note says otherwise), then ${runs} timed run(s), commands alternating (A B A B …); scenarios: ${selected.join(', ')}. Corpora and tools cached in \`${dir}\`.`,
    notes: [
      `The ripgrep reference searches ${REFERENCE_PATTERNS.length} literal-anchored patterns (${REFERENCE_PATTERNS.map((entry) => entry.what).join(', ')}; bench/reference-patterns.js), the fast path of a gitleaks-style scanner; keyguard runs all ${rg.rules} rules, its filters and its decoders. ripgrep counts matching lines, keyguard counts findings after its filters, so the outputs differ by design.`,
      `The keywords-only floor is ripgrep's literal search for the ${rg.rules} rules' keywords (case-insensitive): no scanner that must look at every keyword occurrence can beat it.`,
    ],
  };
  const markdown = renderReport(meta, sections);
  writeFileSync(join(REPO_ROOT, 'bench', 'results.md'), markdown);
  process.stdout.write(`${markdown}\nbench: written to bench/results.md\n`);
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exitCode = 1;
});
