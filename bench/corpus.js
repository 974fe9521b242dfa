// The benchmark corpora, built once into the bench cache folder (KEYGUARD_BENCH_DIR, default
// ~/.cache/keyguard-bench) from real npm packages pinned in this folder:
//
//   DIR/tree          ~440 MB / 61k files: 22 pinned packages and their dependencies (the lockfile
//                     corpus-package-lock.json), installed into DIR/npm and hard-linked here with every
//                     node_modules folder renamed _node_modules (several scanners skip node_modules and
//                     cannot be told otherwise) and symlinks dropped; + package-lock.json + the canary
//                     canary/app-config.js. ~30 s with a warm network.
//   DIR/tree-sample   every 10th file of DIR/tree (paths sorted bytewise) + the canary, for slow tools.
//   DIR/history-repo  a git repository with one commit per published version of 11 packages, in the order
//                     of history-versions.tsv (2,389 commits with the canary's add and delete), fixed
//                     author and dates, so every build has the same commit ids. ~6 min cold; the npm
//                     tarballs are cached in DIR/.history-tarballs.
//
// Stamp files (DIR/.corpus-tree.done, DIR/.corpus-history.done) make a finished part a no-op.
//
//   node bench/corpus.js [--tree] [--history] [--clean]    (no flag: --tree)
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { historyCanaryEnv, treeCanaryFile } from './canaries.js';
import { readTarball } from './tarball.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const PINNED_LOCKFILE = join(HERE, 'corpus-package-lock.json');
export const HISTORY_VERSIONS = join(HERE, 'history-versions.tsv');
export const CANARY_FILE = 'canary/app-config.js';
export const TREE_STAMP = '.corpus-tree.done';
export const HISTORY_STAMP = '.corpus-history.done';
const HISTORY_AUTHOR = 'keyguard bench <bench@keyguard.invalid>';
const HISTORY_START = Date.UTC(2012, 0, 1) / 1000;
const DOWNLOAD_PARALLEL = 8;
const DOWNLOAD_BATCH = 40;
const QUIET_NPM = { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };

/** The cache folder for corpora and reference tools: KEYGUARD_BENCH_DIR, default ~/.cache/keyguard-bench. */
export function benchDir() {
  return resolve(process.env.KEYGUARD_BENCH_DIR || join(homedir(), '.cache', 'keyguard-bench'));
}

/** Runs a command with its output shown; throws with `what` if it cannot run or fails. */
function run(command, args, what, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: QUIET_NPM, ...options });
  if (result.error) throw new Error(`${what}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status})`);
}

/** Every regular file under `root`, as relative paths sorted bytewise. */
export function listFiles(root) {
  const files = [];
  const walk = (relative) => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(path);
    }
  };
  walk('');
  return files.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/** Hard-links every `every`-th file of `source` (sorted list), and `keep`, into a fresh `target`. */
export function linkSubset(source, target, every, keep) {
  rmSync(target, { recursive: true, force: true });
  listFiles(source)
    .filter((file, index) => index % every === 0 || file === keep)
    .forEach((file) => {
      mkdirSync(dirname(join(target, file)), { recursive: true });
      linkSync(join(source, file), join(target, file));
    });
}

/**
 * Hard-links the installed `nodeModules` folder into a fresh `target`: every folder named node_modules
 * below it becomes _node_modules and symbolic links (.bin/*) are left out.
 */
export function linkInstalledTree(nodeModules, target) {
  rmSync(target, { recursive: true, force: true });
  const copy = (from, to) => {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      if (entry.isDirectory()) copy(join(from, entry.name), join(to, entry.name === 'node_modules' ? '_node_modules' : entry.name));
      else if (entry.isFile()) linkSync(join(from, entry.name), join(to, entry.name));
    }
  };
  copy(nodeModules, target);
}

/** DIR/tree and DIR/tree-sample. */
export function buildTreeCorpus(dir) {
  if (existsSync(join(dir, TREE_STAMP))) {
    console.error(`corpus: tree already built (${join(dir, 'tree')})`);
    return;
  }
  const npmDir = join(dir, 'npm');
  console.error(`corpus: installing the pinned npm packages into ${npmDir} ...`);
  mkdirSync(npmDir, { recursive: true });
  const lockfile = readFileSync(PINNED_LOCKFILE, 'utf8');
  const root = JSON.parse(lockfile).packages[''];
  const manifest = { name: root.name, version: root.version, private: true, description: 'keyguard benchmark corpus (real npm code)', dependencies: root.dependencies };
  writeFileSync(join(npmDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(npmDir, 'package-lock.json'), lockfile);
  run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], 'npm ci of the pinned corpus packages', { cwd: npmDir });

  const tree = join(dir, 'tree');
  linkInstalledTree(join(npmDir, 'node_modules'), tree);
  writeFileSync(join(tree, 'package-lock.json'), lockfile);
  mkdirSync(join(tree, 'canary'), { recursive: true });
  writeFileSync(join(tree, CANARY_FILE), treeCanaryFile());
  linkSubset(tree, join(dir, 'tree-sample'), 10, CANARY_FILE);
  console.error(`corpus: ${tree}: ${listFiles(tree).length} files; tree-sample: ${listFiles(join(dir, 'tree-sample')).length} files`);
  writeFileSync(join(dir, TREE_STAMP), '');
}

/** [package, version] rows of history-versions.tsv, in commit order. */
export function historyVersions(listFile = HISTORY_VERSIONS) {
  return readFileSync(listFile, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

const tarballName = ([name, version]) => `${name}-${version}.tgz`;

/** Runs `npm pack` for each batch, a few at a time: downloads are bound by latency, not bandwidth. */
async function downloadTarballs(missing, tarballDir) {
  const batches = [];
  for (let i = 0; i < missing.length; i += DOWNLOAD_BATCH) batches.push(missing.slice(i, i + DOWNLOAD_BATCH));
  const worker = async () => {
    for (let batch = batches.shift(); batch; batch = batches.shift()) {
      const specs = batch.map(([name, version]) => `${name}@${version}`);
      const code = await new Promise((done) => {
        const child = spawn('npm', ['pack', '--silent', '--loglevel=error', ...specs], { cwd: tarballDir, env: QUIET_NPM, stdio: ['ignore', 'ignore', 'inherit'] });
        child.on('error', () => done(-1));
        child.on('close', done);
      });
      if (code !== 0) console.error(`corpus: npm pack failed (exit ${code}) for ${specs[0]} ...`);
    }
  };
  await Promise.all(Array.from({ length: DOWNLOAD_PARALLEL }, worker));
}

/** The tarball of every listed version in `tarballDir`, downloading the missing ones with npm pack. */
export async function ensureTarballs(rows, tarballDir) {
  mkdirSync(tarballDir, { recursive: true });
  const missingFrom = () => rows.filter((row) => !(existsSync(join(tarballDir, tarballName(row))) && lstatSync(join(tarballDir, tarballName(row))).size > 0));
  const missing = missingFrom();
  if (missing.length > 0) {
    console.error(`corpus: downloading ${missing.length} npm tarballs into ${tarballDir} (cached) ...`);
    await downloadTarballs(missing, tarballDir);
  }
  const still = missingFrom();
  if (still.length > 0) throw new Error(`npm tarballs missing after npm pack: ${still.slice(0, 5).map(([n, v]) => `${n}@${v}`).join(', ')}${still.length > 5 ? ', ...' : ''}`);
}

/** A path as git fast-import reads it: quoted (C-style, as JSON) when it starts with " or holds \n, " or \. */
const importPath = (path) => (/^"|[\n"\\]/.test(path) ? JSON.stringify(path) : path);

/**
 * Writes the history as a git fast-import stream to `write` (which returns a promise once the data is
 * taken): one commit per version replacing packages/NAME/ with the tarball's files, and halfway through
 * a commit adding config/dev.env (the canary) and one deleting it.
 */
export async function writeHistoryStream(rows, tarballDir, write) {
  let commits = 0;
  const commit = async (message, changes) => {
    const time = HISTORY_START + 3600 * commits++;
    await write(`commit refs/heads/main\nauthor ${HISTORY_AUTHOR} ${time} +0000\ncommitter ${HISTORY_AUTHOR} ${time} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`);
    await changes();
    await write('\n');
  };
  const previous = new Map(); // package -> Map(path -> mode + sha1 of the content)
  const canaryAt = Math.floor(rows.length / 2);
  for (const [index, row] of rows.entries()) {
    if (index === canaryAt) {
      const env = historyCanaryEnv();
      await commit('add local dev config', () => write(`M 100644 inline config/dev.env\ndata ${Buffer.byteLength(env)}\n${env}\n`));
      await commit('remove local dev config', () => write('D config/dev.env\n'));
    }
    const [name, version] = row;
    const files = readTarball(readFileSync(join(tarballDir, tarballName(row))));
    const before = previous.get(name) ?? new Map();
    const now = new Map();
    await commit(`${name}@${version}`, async () => {
      for (const path of [...before.keys()].sort()) if (!files.has(path)) await write(`D ${importPath(`packages/${name}/${path}`)}\n`);
      for (const path of [...files.keys()].sort()) {
        const { mode, data } = files.get(path);
        const identity = mode + createSha1(data);
        now.set(path, identity);
        if (before.get(path) === identity) continue;
        await write(`M ${mode} inline ${importPath(`packages/${name}/${path}`)}\ndata ${data.length}\n`);
        await write(data);
        await write('\n');
      }
    });
    previous.set(name, now);
  }
  await write('done\n');
}

const createSha1 = (data) => createHash('sha1').update(data).digest('hex');

/** Pipes writeHistoryStream into `git fast-import` in a new repository at `repo`. */
async function importHistory(rows, tarballDir, repo) {
  rmSync(repo, { recursive: true, force: true });
  run('git', ['init', '-q', '-b', 'main', repo], 'git init');
  run('git', ['-C', repo, 'config', 'core.autocrlf', 'false'], 'git config');
  const git = spawn('git', ['-C', repo, 'fast-import', '--quiet', '--done'], { stdio: ['pipe', 'inherit', 'inherit'] });
  const exited = new Promise((done, fail) => {
    git.on('error', fail);
    git.on('close', (code) => (code === 0 ? done() : fail(new Error(`git fast-import failed (exit ${code})`))));
  });
  const write = (data) => (git.stdin.write(data) ? Promise.resolve() : new Promise((done) => git.stdin.once('drain', done)));
  await Promise.race([writeHistoryStream(rows, tarballDir, write).then(() => git.stdin.end()), exited]);
  await exited;
}

/** DIR/history-repo (HEAD also written to DIR/history-repo.head). `listFile` is for tests. */
export async function buildHistoryCorpus(dir, { listFile = HISTORY_VERSIONS } = {}) {
  const repo = join(dir, 'history-repo');
  if (existsSync(join(dir, HISTORY_STAMP))) {
    console.error(`corpus: history already built (${repo})`);
    return;
  }
  const rows = historyVersions(listFile);
  const tarballDir = join(dir, '.history-tarballs');
  await ensureTarballs(rows, tarballDir);
  console.error(`corpus: writing ${rows.length} versions as commits with git fast-import ...`);
  await importHistory(rows, tarballDir, repo);
  run('git', ['-C', repo, 'checkout', '-q', '-f', 'main'], 'git checkout');
  run('git', ['-C', repo, 'repack', '-adf', '-q'], 'git repack');
  run('git', ['-C', repo, 'prune-packed'], 'git prune-packed');
  const head = spawnSync('git', ['-C', repo, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  writeFileSync(join(dir, 'history-repo.head'), `${head}\n`);
  console.error(`corpus: ${repo}: HEAD ${head}`);
  writeFileSync(join(dir, HISTORY_STAMP), '');
}

/** Builds the corpora a benchmark run needs; each finished part is skipped. */
export async function ensureCorpora(dir, { tree, history }) {
  mkdirSync(dir, { recursive: true });
  if (tree) buildTreeCorpus(dir);
  if (history) await buildHistoryCorpus(dir);
}

/** Deletes the whole cache folder: corpora, downloaded tarballs, reference tools. */
export function cleanCache(dir) {
  rmSync(dir, { recursive: true, force: true });
  console.error(`corpus: removed ${dir}`);
}

async function main() {
  const { values } = parseArgs({ options: { tree: { type: 'boolean' }, history: { type: 'boolean' }, clean: { type: 'boolean' } } });
  const dir = benchDir();
  if (values.clean) cleanCache(dir);
  else await ensureCorpora(dir, { tree: values.tree || !values.history, history: Boolean(values.history) });
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`corpus: ${error.message}`);
    process.exitCode = 1;
  });
}
