// The benchmark's scenarios. Each one times keyguard against a reference on the same input and returns a
// section for the report: the commands with their timed runs, the ratios, the targets and sanity checks.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { alternate, command, pipeline } from './measure.js';
import { CANARY_FILE, capture, ensureTreeSubset, historyBlobSize, treeFilesWithSizes, treeSize } from './setup.js';
import { median, medianPairwiseRatio } from './stats.js';
import { formatMs, formatRatio } from './table.js';

const RSS_LIMIT_MB = 300;

/**
 * Line number -> variable name of each fake secret in a canary file (`NAME: "value"` in the JS canary,
 * `NAME=value` in the .env one). Checking findings by line keeps the check independent of rule ids.
 */
export function canaryLines(text) {
  const lines = new Map();
  text.split('\n').forEach((line, index) => {
    const match = /^\s*([A-Za-z_]+)\s*[:=]\s*"?[A-Za-z0-9_-]{16,}/.exec(line);
    if (match) lines.set(index + 1, match[1]);
  });
  return lines;
}

/** Which canaries a keyguard report found: names of canary lines that have a finding in `file`. */
function canariesFound(findings, file, lines) {
  const found = new Set();
  for (const finding of findings) {
    if (finding.file.endsWith(file) && lines.has(finding.line)) found.add(lines.get(finding.line));
  }
  return [...lines.values()].filter((name) => found.has(name));
}

/** Reads a keyguard JSON report and keeps only what the report needs (findings count, summary, canaries). */
function inspectKeyguard(canary) {
  return (outFile) => {
    const report = JSON.parse(readFileSync(outFile, 'utf8'));
    const { filesScanned, bytesScanned, filesSkipped, commitsScanned, blobsScanned, skipped } = report.summary;
    const skippedByReason = {};
    for (const item of skipped) skippedByReason[item.reason] = (skippedByReason[item.reason] ?? 0) + 1;
    return {
      findings: report.findings.length,
      summary: { filesScanned, bytesScanned, filesSkipped, commitsScanned, blobsScanned, skippedByReason },
      canaries: canary ? canariesFound(report.findings, canary.file, canary.lines) : null,
    };
  };
}

/**
 * `rg -c` prints "path:count" per file (or a bare count for stdin): the sum is the number of matching lines.
 * Its stderr lists the inputs it gave up on (PCRE2's match limit on a huge minified line), which it
 * reports with exit code 2 after searching everything else.
 */
function inspectRg(outFile, errFile) {
  const lines = readFileSync(outFile, 'utf8').split('\n').filter(Boolean);
  const errors = readFileSync(errFile, 'utf8').split('\n').filter(Boolean);
  return { matches: lines.reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(':') + 1)), 0), errors };
}

/**
 * A note on what ripgrep could not search, from the first run (the input is the same in every run).
 * rg stops searching an input at such an error: for a piped stream that is everything after that point.
 */
function rgErrorNotes(label, samples, { stream = false } = {}) {
  const { errors } = samples[0];
  if (errors.length === 0) return [];
  const scope = stream ? 'stopped searching its input early, so its time is too low' : `skipped the rest of ${errors.length} file(s)`;
  return [`${label} ${scope} (exit code 2): \`${errors[0]}\`.`];
}

/** ripgrep exits 2 when it could not search some input; inspectRg reports which. */
const RG_OK = [0, 1, 2];

/** secretlint --format json: one entry per linted file with its messages. */
function inspectSecretlint(outFile) {
  const results = JSON.parse(readFileSync(outFile, 'utf8'));
  return { findings: results.reduce((sum, file) => sum + file.messages.length, 0) };
}

function keyguard(ctx, label, args, { canary, cwd, runs = ctx.runs } = {}) {
  return command(label, process.execPath, [ctx.keyguardBin, ...args], { cwd, runs, inspect: inspectKeyguard(canary) });
}

/** ripgrep with the reference patterns (bench/reference-patterns.js), in its default regex engine. */
function rgCommand(ctx) {
  return ['rg', '-f', ctx.rg.patternFile];
}

/** Single-quotes a word for bash, so cache paths with spaces survive the history pipelines. */
function shellQuote(word) {
  return `'${word.replaceAll("'", "'\\''")}'`;
}

function treeCanary(ctx) {
  return { file: CANARY_FILE, lines: canaryLines(readFileSync(join(ctx.dir, 'tree', CANARY_FILE), 'utf8')) };
}

/** The .env canary of the history corpus, as added by its commit (it is deleted by the next one). */
function historyCanary(repo) {
  const sha = capture('git', ['-C', repo, 'log', '--all', '--diff-filter=A', '--format=%H', '--', 'config/dev.env']);
  if (!sha) throw new Error('history corpus has no commit adding config/dev.env');
  return { file: 'config/dev.env', lines: canaryLines(capture('git', ['-C', repo, 'show', `${sha}:config/dev.env`])) };
}

function canaryCheck(where, samples, canary) {
  const expected = [...canary.lines.values()];
  const missing = expected.filter((name) => samples.some((sample) => !sample.canaries.includes(name)));
  const ok = missing.length === 0;
  return { ok, text: `${where}: ${ok ? `all ${expected.length}` : `${expected.length - missing.length}/${expected.length}`} canaries found in every run${ok ? '' : ` — missing: ${missing.join(', ')}`}` };
}

/** One report row per command: its samples, the input size for throughput and what it printed. */
function row(label, shown, samples, size, output) {
  return { label, shown, samples, size, output: output(samples) };
}

const findingsOutput = (samples) => `${[...new Set(samples.map((s) => s.findings))].join(' / ')} findings`;
const matchesOutput = (samples) => `${[...new Set(samples.map((s) => s.matches))].join(' / ')} matching lines`;
const peakRss = (samples) => Math.max(...samples.map((s) => s.rssMb));
const ms = (samples) => samples.map((s) => s.ms);

function rssTarget(corpus, samples) {
  const peak = peakRss(samples);
  return { target: `keyguard peak RSS on the ${corpus} < ${RSS_LIMIT_MB} MB`, measured: `${peak.toFixed(0)} MB`, ok: peak < RSS_LIMIT_MB };
}

function keyguardCoverage(samples, size) {
  const { filesScanned, bytesScanned, filesSkipped, skippedByReason } = samples[0].summary;
  const reasons = Object.entries(skippedByReason).map(([reason, count]) => `${count} ${reason}`).join(', ');
  return `keyguard scanned ${filesScanned} of ${size.files} files (${(bytesScanned / 2 ** 20).toFixed(1)} of ${(size.bytes / 2 ** 20).toFixed(1)} MB) and skipped ${filesSkipped}${reasons ? ` (${reasons})` : ''}; ripgrep (-uuu) reads every file.`;
}

/**
 * 1. keyguard on the whole working-tree corpus vs ripgrep with the reference patterns over the same files,
 * and vs the keywords-only floor.
 */
export function treeScenario(ctx) {
  const root = join(ctx.dir, 'tree');
  const size = treeSize(ctx.dir, 'tree');
  const canary = treeCanary(ctx);
  const kg = keyguard(ctx, 'keyguard tree', ['scan', root, '--format', 'json'], { canary });
  // -uuu: no ignore files, hidden files and binary files too, like keyguard's walk of a folder without .gitignore.
  const [rgFile, ...rgArgs] = [...rgCommand(ctx), '-uuu', '-c', root];
  const rg = command('rg tree', rgFile, rgArgs, { runs: ctx.runs, ok: RG_OK, inspect: inspectRg });
  const keywordArgs = ['-uuu', '-c', '-i', '-F', '-f', ctx.rg.keywordFile, root];
  const rgKeywords = command('rg keywords tree', 'rg', keywordArgs, { runs: ctx.runs, ok: RG_OK, inspect: inspectRg });
  const samples = alternate([kg, rg, rgKeywords], ctx.workDir);
  const [k, r, kw] = [samples.get(kg.label), samples.get(rg.label), samples.get(rgKeywords.label)];
  const ratio = medianPairwiseRatio(ms(k), ms(r));
  return {
    id: 'tree',
    title: 'Working tree: keyguard vs ripgrep (reference patterns, same files)',
    rows: [
      row('keyguard', `keyguard scan ${root} --format json`, k, size, findingsOutput),
      row('ripgrep, reference patterns', `${rgFile} ${rgArgs.join(' ')}`, r, size, matchesOutput),
      row('ripgrep, keywords only', `rg ${keywordArgs.join(' ')}`, kw, size, matchesOutput),
    ],
    ratios: [
      { what: 'keyguard ÷ rg reference patterns (tree)', value: ratio },
      { what: 'keyguard ÷ rg keywords only (tree): the floor for a keyword-prefiltered scan', value: medianPairwiseRatio(ms(k), ms(kw)) },
    ],
    targets: [{ target: 'tree scan ≤ 1.5× ripgrep (reference patterns)', measured: formatRatio(ratio), ok: ratio <= 1.5 }, rssTarget('tree', k)],
    checks: [canaryCheck('tree', k, canary)],
    notes: [keyguardCoverage(k, size), ...rgErrorNotes('ripgrep (tree)', r)],
    keyguardSamples: k,
  };
}

/** 2. keyguard vs secretlint on the 1-in-10 sample (secretlint needs minutes even there, so it runs once). */
export function secretlintScenario(ctx) {
  const root = join(ctx.dir, 'tree-sample');
  const size = treeSize(ctx.dir, 'tree-sample');
  const kg = keyguard(ctx, 'keyguard sample', ['scan', root, '--format', 'json'], { canary: treeCanary(ctx) });
  const slArgs = [ctx.secretlint.bin, '**/*', '--secretlintrc', ctx.secretlint.rc, '--format', 'json', '--no-color'];
  // No warm-up: keyguard's warm-up has already pulled the sample into the page cache.
  const sl = command('secretlint sample', process.execPath, slArgs, { cwd: root, runs: 1, warmup: false, inspect: inspectSecretlint });
  const samples = alternate([kg, sl], ctx.workDir);
  const [k, s] = [samples.get(kg.label), samples.get(sl.label)];
  // One secretlint run cannot be paired round by round: compare it with keyguard's median instead.
  const speedup = median(ms(s)) / median(ms(k));
  return {
    id: 'secretlint',
    title: `Sample: keyguard vs secretlint ${ctx.secretlint.version} (recommended preset)`,
    rows: [
      row('keyguard', `keyguard scan ${root} --format json`, k, size, findingsOutput),
      row('secretlint', `(cd ${root} && secretlint "**/*" --format json)`, s, size, findingsOutput),
    ],
    ratios: [{ what: 'secretlint ÷ keyguard (sample)', value: speedup }],
    targets: [{ target: 'keyguard ≥ 300× faster than secretlint', measured: formatRatio(speedup), ok: speedup >= 300 }],
    checks: [canaryCheck('sample', k, treeCanary(ctx))],
    notes: [
      `secretlint ran once, without warm-up (it takes minutes); its ratio is that run ÷ keyguard's median.`,
      `secretlint's "**/*" glob skips dot-files, keyguard does not.`,
    ],
  };
}

/** 3. keyguard --history vs streaming every reachable blob once through rg, and vs `git log -p | rg`. */
export function historyScenario(ctx) {
  const repo = join(ctx.dir, 'history-repo');
  const size = historyBlobSize(ctx.dir, repo);
  const canary = historyCanary(repo);
  const rg = rgCommand(ctx).map(shellQuote).join(' ');
  const git = `git -C ${shellQuote(repo)}`;
  // -a: treat the stream as text; otherwise rg stops at the first NUL byte of the first binary blob.
  const blobs = `${git} rev-list --objects --all | cut -d' ' -f1 | ${git} cat-file --batch-check='%(objecttype) %(objectname)' | awk '$1=="blob"{print $2}' | ${git} cat-file --batch | ${rg} -a -c`;
  const logp = `${git} log -p --all | ${rg} -a -c`;
  const kg = keyguard(ctx, 'keyguard history', ['scan', repo, '--history', '--format', 'json'], { canary });
  const bp = pipeline('blob pipeline', blobs, { runs: ctx.runs, ok: RG_OK, inspect: inspectRg });
  const lp = pipeline('git log -p rg', logp, { runs: ctx.runs, ok: RG_OK, inspect: inspectRg });
  const samples = alternate([kg, bp, lp], ctx.workDir);
  const [k, b, l] = [samples.get(kg.label), samples.get(bp.label), samples.get(lp.label)];
  const vsBlobs = medianPairwiseRatio(ms(k), ms(b));
  const vsLog = medianPairwiseRatio(ms(k), ms(l));
  const { commitsScanned, blobsScanned } = k[0].summary;
  return {
    id: 'history',
    title: 'History: keyguard --history vs ripgrep over the same blobs',
    rows: [
      row('keyguard', `keyguard scan ${repo} --history --format json`, k, size, findingsOutput),
      row('blobs | rg', blobs, b, size, matchesOutput),
      row('git log -p | rg', logp, l, size, matchesOutput),
    ],
    ratios: [
      { what: 'keyguard ÷ blob pipeline', value: vsBlobs },
      { what: 'keyguard ÷ git log -p | rg', value: vsLog },
    ],
    targets: [
      { target: 'history ≤ 1.3× blob pipeline', measured: formatRatio(vsBlobs), ok: vsBlobs <= 1.3 },
      { target: 'history ≤ 0.6× git log -p | rg', measured: formatRatio(vsLog), ok: vsLog <= 0.6 },
      rssTarget('history', k),
    ],
    checks: [canaryCheck('history (config/dev.env)', k, canary)],
    notes: [
      `Throughput is over the ${size.files} reachable blobs (${(size.bytes / 2 ** 20).toFixed(0)} MB); keyguard reported ${commitsScanned} commits and ${blobsScanned} blobs scanned.`,
      '`git log -p` shows each change as a diff, so it reads different (and more) text than the blob pipeline.',
      ...rgErrorNotes('ripgrep (blob pipeline)', b, { stream: true }),
      ...rgErrorNotes('ripgrep (git log -p)', l, { stream: true }),
    ],
  };
}

/** Twenty .js files of about 10 KB from the tree corpus, spread over it: realistic source for a commit. */
function pickStagedFiles(ctx) {
  const candidates = treeFilesWithSizes(ctx.dir).filter(
    (f) => f.file.endsWith('.js') && !f.file.includes('.min.') && f.file !== CANARY_FILE && f.size >= 8_000 && f.size <= 12_000,
  );
  const step = Math.floor(candidates.length / 20);
  return Array.from({ length: 20 }, (_, i) => candidates[i * step]);
}

function git(cwd, ...args) {
  const result = spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@keyguard.invalid', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

/** A temporary repo with one commit and 20 staged files (~200 KB), as a pre-commit hook would see it. */
function stagedRepo(ctx) {
  const repo = mkdtempSync(join(tmpdir(), 'keyguard-bench-staged-'));
  git(repo, 'init', '-q');
  writeFileSync(join(repo, 'README.md'), '# staged benchmark\n');
  git(repo, 'add', 'README.md');
  git(repo, 'commit', '-q', '-m', 'initial');
  mkdirSync(join(repo, 'src'));
  const files = pickStagedFiles(ctx);
  files.forEach((f, i) => copyFileSync(f.path, join(repo, 'src', `${String(i).padStart(2, '0')}-${basename(f.file)}`)));
  git(repo, 'add', 'src');
  return { repo, files: files.length, bytes: files.reduce((sum, f) => sum + f.size, 0) };
}

/** 4. `keyguard scan --staged` on a 20-file commit vs the bare start-up of Node. At least 10 runs: they are cheap. */
export function stagedScenario(ctx) {
  const staged = stagedRepo(ctx);
  try {
    const runs = Math.max(ctx.runs, 10);
    const kg = keyguard(ctx, 'keyguard staged', ['scan', '--staged', '--format', 'json'], { cwd: staged.repo, runs });
    const node = command('node -e 0', process.execPath, ['-e', '0'], { runs });
    const samples = alternate([kg, node], ctx.workDir);
    const [k, n] = [samples.get(kg.label), samples.get(node.label)];
    const size = { files: staged.files, bytes: staged.bytes };
    const kgMedian = median(ms(k));
    const nodeMedian = median(ms(n));
    return {
      id: 'staged',
      title: `Staged: pre-commit scan of ${staged.files} files (${(staged.bytes / 1024).toFixed(0)} KB)`,
      rows: [
        row('keyguard', 'keyguard scan --staged --format json', k, size, findingsOutput),
        row('node -e 0', 'node -e 0', n, null, () => 'Node start-up'),
      ],
      ratios: [{ what: 'keyguard ÷ node -e 0 (staged)', value: medianPairwiseRatio(ms(k), ms(n)) }],
      targets: [
        { target: "staged scan median ≤ Node's start-up (node -e 0 median) + 40 ms", measured: `${formatMs(kgMedian)} (node -e 0: ${formatMs(nodeMedian)})`, ok: kgMedian <= nodeMedian + 40 },
      ],
      checks: [],
      notes: [`keyguard's own work beyond Node's start-up: ${formatMs(kgMedian - nodeMedian)}.`],
    };
  } finally {
    rmSync(staged.repo, { recursive: true, force: true });
  }
}

/** 6. The tree scan at 1/4, 1/2 and the full corpus: time should grow linearly with the input. */
export function linearityScenario(ctx, fullTreeSamples) {
  const sizes = [4, 2].map((every) => ({ folder: ensureTreeSubset(ctx.dir, every), label: `1/${every}` }));
  const commands = sizes.map(({ folder, label }) => keyguard(ctx, `keyguard tree ${label}`, ['scan', join(ctx.dir, folder), '--format', 'json']));
  // The full-size runs of the tree scenario are reused when it ran in the same invocation.
  if (!fullTreeSamples) commands.push(keyguard(ctx, 'keyguard tree full', ['scan', join(ctx.dir, 'tree'), '--format', 'json']));
  const samples = alternate(commands, ctx.workDir);
  const points = [
    ...sizes.map(({ folder, label }) => ({ label, folder, size: treeSize(ctx.dir, folder), samples: samples.get(`keyguard tree ${label}`) })),
    { label: 'full', folder: 'tree', size: treeSize(ctx.dir, 'tree'), samples: fullTreeSamples ?? samples.get('keyguard tree full') },
  ];
  const growth = median(ms(points[2].samples)) / median(ms(points[0].samples));
  const inputGrowth = points[2].size.bytes / points[0].size.bytes;
  return {
    id: 'linearity',
    title: 'Linearity: keyguard tree scan at 1/4, 1/2 and full size',
    rows: points.map((p) => row(`keyguard ${p.label}`, `keyguard scan ${join(ctx.dir, p.folder)} --format json`, p.samples, p.size, findingsOutput)),
    ratios: [{ what: `full ÷ 1/4 time (the input grows ${formatRatio(inputGrowth)}; equal means linear)`, value: growth }],
    targets: [],
    checks: [],
    notes: ['Subsets are every 4th / 2nd file of the sorted file list (plus the canary), hard-linked into the cache folder.'],
  };
}
