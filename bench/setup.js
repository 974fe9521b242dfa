// Everything the benchmark needs before it can time anything: keyguard built, the corpora, the reference
// tools (ripgrep, GNU time, secretlint) and cached facts about the corpora. All of it lives outside the
// repo (KEYGUARD_BENCH_DIR, default ~/.cache/keyguard-bench) and is built once: re-runs find it ready.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CANARY_FILE, HISTORY_STAMP, linkSubset, listFiles, TREE_STAMP } from './corpus.js';

export { benchDir, CANARY_FILE, cleanCache, ensureCorpora } from './corpus.js';

const SECRETLINT_VERSION = '11.7.1'; // newest secretlint line that still runs on Node 20

/** Runs a setup command with its output shown; throws with `what` if it fails. */
function runVisible(command, args, what, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw new Error(`${what}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status})`);
}

/** Runs a short command and returns its trimmed stdout, or null if it cannot run or fails. */
export function capture(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** Builds keyguard from the current source, so the numbers belong to the code in the work tree. */
export function buildKeyguard(repoRoot) {
  console.error('bench: building keyguard (npm run build) ...');
  runVisible('npm', ['run', '--silent', 'build'], 'building keyguard', { cwd: repoRoot });
}

function isRoot() {
  return process.getuid?.() === 0;
}

/** Installs a Debian package when `probe` fails: `apt-get install`, and once more after `apt-get update`. */
function ensureDebianPackage(probe, packageName) {
  if (probe()) return;
  if (!isRoot()) throw new Error(`${packageName} is missing; install it with: sudo apt-get install -y ${packageName}`);
  console.error(`bench: installing ${packageName} from Debian ...`);
  const install = () => spawnSync('apt-get', ['install', '-y', '-qq', packageName], { stdio: 'inherit' }).status === 0;
  if (!install()) {
    runVisible('apt-get', ['update', '-qq'], 'apt-get update');
    if (!install()) throw new Error(`apt-get install ${packageName} failed`);
  }
  if (!probe()) throw new Error(`${packageName} installed but still not usable`);
}

/** ripgrep with PCRE2 (the rules use look-arounds); returns its version line. */
export function ensureRipgrep() {
  ensureDebianPackage(() => capture('rg', ['--version']) !== null, 'ripgrep');
  if (capture('rg', ['--pcre2-version']) === null) throw new Error('this ripgrep was built without PCRE2 (rg --pcre2-version fails)');
  return `${capture('rg', ['--version']).split('\n')[0]}, ${capture('rg', ['--pcre2-version']).split('\n')[0]}`;
}

/** GNU time, for the peak RSS of every timed command (`/usr/bin/time -f %M`). */
export function ensureGnuTime() {
  ensureDebianPackage(() => existsSync('/usr/bin/time'), 'time');
}

/** secretlint + its recommended preset, installed from npm into DIR/secretlint (never into the repo). */
export function ensureSecretlint(dir) {
  const home = join(dir, 'secretlint');
  const manifest = join(home, 'node_modules', 'secretlint', 'package.json');
  const installed = existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version === SECRETLINT_VERSION;
  if (!installed) {
    console.error(`bench: installing secretlint ${SECRETLINT_VERSION} into ${home} ...`);
    mkdirSync(home, { recursive: true });
    runVisible('npm', ['install', '--prefix', home, '--no-audit', '--no-fund', '--loglevel=error',
      `secretlint@${SECRETLINT_VERSION}`, `@secretlint/secretlint-rule-preset-recommend@${SECRETLINT_VERSION}`], 'npm install secretlint');
  }
  const rc = join(home, '.secretlintrc.json');
  writeFileSync(rc, `${JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }, null, 2)}\n`);
  return { bin: join(home, 'node_modules', 'secretlint', 'bin', 'secretlint.js'), rc, version: SECRETLINT_VERSION };
}

/** A stamp's identity: the corpus stamp's mtime, so caches derived from a rebuilt corpus are rebuilt too. */
function stampKey(dir, stamp) {
  return String(statSync(join(dir, stamp)).mtimeMs);
}

/** Reads a JSON cache entry if it was made from the same corpus build, else computes and stores it. */
function cached(dir, name, key, compute) {
  const file = join(dir, `.bench-${name}.json`);
  if (existsSync(file)) {
    const entry = JSON.parse(readFileSync(file, 'utf8'));
    if (entry.key === key) return entry.value;
  }
  const value = compute();
  writeFileSync(file, JSON.stringify({ key, value }));
  return value;
}

/** Files and bytes of a working-tree corpus folder (DIR/tree, DIR/tree-sample, subsets), cached. */
export function treeSize(dir, folder) {
  return cached(dir, `size-${folder}`, stampKey(dir, TREE_STAMP), () => {
    const root = join(dir, folder);
    const files = listFiles(root);
    return { files: files.length, bytes: files.reduce((sum, file) => sum + statSync(join(root, file)).size, 0) };
  });
}

/**
 * DIR/tree-1of4, DIR/tree-1of2: every k-th file of DIR/tree (sorted list) plus the canary, hard-linked,
 * built the way the corpus builder makes the sample, so the tree scan can be timed at several sizes.
 */
export function ensureTreeSubset(dir, every) {
  const folder = `tree-1of${every}`;
  const key = stampKey(dir, TREE_STAMP);
  const stamp = join(dir, `.bench-${folder}.done`);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === key) return folder;
  console.error(`bench: building ${folder} (1 file in ${every} of tree, hard links) ...`);
  linkSubset(join(dir, 'tree'), join(dir, folder), every, CANARY_FILE);
  writeFileSync(stamp, key);
  return folder;
}

/** Relative paths and sizes of the tree's files, for picking realistic files to stage. */
export function treeFilesWithSizes(dir) {
  const root = join(dir, 'tree');
  return listFiles(root).map((file) => ({ file, path: join(root, file), size: statSync(join(root, file)).size }));
}

/** Blobs reachable from any ref of the history repo and their total size, cached. */
export function historyBlobSize(dir, repo) {
  return cached(dir, 'size-history', stampKey(dir, HISTORY_STAMP), () => {
    const script = `git -C "$1" rev-list --objects --all | cut -d' ' -f1 | git -C "$1" cat-file --batch-check='%(objecttype) %(objectsize)' | awk '$1=="blob"{n++; s+=$2} END {print n, s}'`;
    const [blobs, bytes] = capture('bash', ['-c', script, 'bash', repo]).split(' ').map(Number);
    return { files: blobs, bytes };
  });
}
