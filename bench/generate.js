// Generated inputs for the memory scenarios (bench/memory.js), built once into the bench cache folder
// (KEYGUARD_BENCH_DIR, default ~/.cache/keyguard-bench), deterministic from a fixed seed:
//
//   DIR/dense-tree      ~1 GB / ~40k files of keyword-dense code (JS, TS, Python, YAML, .env, JSON):
//                       every few lines an api_key/token/secret/password/Bearer assignment, most of them
//                       decoys (placeholders, env lookups, the rules' own negative examples), and every
//                       ~30 lines a real-shaped fake key made from a rule's example template by the
//                       project's template expander: the input that once took 2.85 GB of RSS.
//   DIR/dense-history   a git repository of 20,000 commits made with git fast-import (~1 min): 600 files
//                       edited a few lines at a time, keys added and removed, three side branches.
//   DIR/dense-archives  dense.tgz and dense.zip: ~1 GB of text each (the dense tree's files), made with
//                       the system's tar + gzip and zip.
//
// Stamp files (DIR/.dense-tree.done …) make a finished part a no-op. Generation needs dist/ (the
// template expander): bench/run.js builds keyguard first. `node bench/generate.js [--tree]
// [--history] [--archives]` builds them by hand.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { benchDir } from './corpus.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DENSE_TREE = 'dense-tree';
export const DENSE_HISTORY = 'dense-history';
export const DENSE_ARCHIVES = 'dense-archives';
const SEED = 20261130;
const TREE_BYTES = 1024 * 1024 * 1024;
const HISTORY_COMMITS = 20_000;
const HISTORY_AUTHOR = 'keyguard bench <bench@keyguard.invalid>';
const HISTORY_START = Date.UTC(2015, 0, 1) / 1000;
/** One real-shaped key per this many lines, on average; keyword decoys every DECOY_EVERY lines. */
const KEY_EVERY = 30;
const DECOY_EVERY = 4;

/** mulberry32: a small, fast, seedable PRNG (Math.random cannot be seeded). Returns an integer below `n`. */
function prng(seed) {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
}

/** A long string of random characters from `alphabet`; random values are slices of it (fast, and varied enough). */
function randomText(rand, alphabet, length) {
  const codes = new Uint8Array(length);
  for (let i = 0; i < length; i++) codes[i] = alphabet.charCodeAt(rand(alphabet.length));
  return Buffer.from(codes).toString('latin1');
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const IDENT = ['user', 'order', 'config', 'client', 'request', 'response', 'item', 'session', 'cache', 'payload', 'result', 'handler', 'account', 'service', 'event'];
const VERBS = ['load', 'save', 'parse', 'build', 'fetch', 'update', 'render', 'check', 'resolve', 'format'];

/**
 * Lines drawn from the rules' own examples: `examples` expanded with fresh seeds are real-shaped fake
 * keys (findings), `negativeExamples` are keyword-dense lines the rules must not report (decoys).
 * Multi-line examples are kept whole.
 */
async function ruleLines() {
  const { expandTemplate } = await import(pathToFileURL(join(REPO_ROOT, 'dist', 'rules', 'template.js')).href);
  const { parse } = await import('yaml');
  const keys = [];
  const decoys = [];
  const folder = join(REPO_ROOT, 'rules');
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.yaml')).sort()) {
    const document = parse(readFileSync(join(folder, file), 'utf8'));
    for (const rule of document.rules ?? []) {
      // Rules that only fire on a path (env files, key files) are left out: lines here land in code files.
      if (rule.paths || rule.kind === 'hygiene') continue;
      for (const [index, example] of (rule.examples ?? []).entries()) {
        const text = typeof example === 'string' ? example : example.text;
        for (let variant = 0; variant < 8; variant++) keys.push(expandTemplate(text, `bench:${rule.id}:${index}:${variant}`));
      }
      for (const [index, example] of (rule.negativeExamples ?? []).entries()) {
        const text = typeof example === 'string' ? example : example.text;
        decoys.push(expandTemplate(text, `bench:${rule.id}:negative:${index}`));
      }
    }
  }
  if (keys.length === 0) throw new Error('no rule examples found in rules/*.yaml');
  return { keys, decoys };
}

/** Writes code-like text: filler statements, keyword decoys and real-shaped keys, in the file's syntax. */
class CodeWriter {
  constructor(rand, lines) {
    this.rand = rand;
    this.lines = lines;
    this.values = randomText(rand, ALNUM, 4 * 1024 * 1024);
  }

  value(length) {
    const at = this.rand(this.values.length - length);
    return this.values.slice(at, at + length);
  }

  pick(list) {
    return list[this.rand(list.length)];
  }

  filler(ext) {
    const a = this.pick(IDENT);
    const b = this.pick(IDENT);
    const verb = this.pick(VERBS);
    const n = this.rand(1000);
    switch (ext) {
      case 'py':
        return this.pick([`def ${verb}_${a}(${b}, limit=${n}):`, `    ${a} = ${b}.get("${verb}", ${n})`, `    return [${b} for ${b} in ${a}s if ${b}.id > ${n}]`, `# ${verb} the ${a} before the ${b} is sent`, `import ${a}_${verb}`]);
      case 'yaml':
        return this.pick([`${a}:`, `  ${verb}: ${n}`, `  ${b}_name: ${a}-${verb}-${n}`, `  enabled: ${n % 2 === 0}`, `# ${verb} settings for ${a}`]);
      case 'env':
        return this.pick([`${a.toUpperCase()}_${verb.toUpperCase()}_LIMIT=${n}`, `${b.toUpperCase()}_HOST=${a}.internal`, `# ${verb} ${a}`]);
      case 'json':
        return this.pick([`  "${a}${n}": { "${verb}": ${n}, "${b}": "${a}-${n}" },`, `  "${verb}_${a}": [${n}, ${n + 1}, ${n + 2}],`]);
      default:
        return this.pick([
          `export function ${verb}${a[0].toUpperCase()}${a.slice(1)}(${b}, options = {}) {`,
          `  const ${a} = await ${b}.${verb}({ limit: ${n}, offset: options.offset ?? 0 });`,
          `  if (!${a}) throw new Error('cannot ${verb} ${b} ${n}');`,
          `  return ${a}.map((${b}) => ${b}.id).filter(Boolean);`,
          '}',
          `// ${verb} the ${a} for this ${b} (see #${n})`,
          `import { ${verb} } from './${a}/${b}.js';`,
        ]);
    }
  }

  /** A line that has a secret-like keyword but no secret: what makes a tree keyword-dense. */
  decoy() {
    const a = this.pick(IDENT);
    const n = this.rand(100);
    switch (this.rand(12)) {
      case 0: return `const apiKey = process.env.${a.toUpperCase()}_API_KEY;`;
      case 1: return `  token: "<your-token-here>",`;
      case 2: return `password = os.environ["${a.toUpperCase()}_PASSWORD"]`;
      case 3: return `headers["Authorization"] = \`Bearer \${${a}Token}\`;`;
      case 4: return `secret: \${{ secrets.${a.toUpperCase()}_SECRET }}`;
      case 5: return `api_key = "sk-xxxxxxxxxxxxxxxxxxxxxxxx"  # placeholder`;
      case 6: return `const ${a}SecretName = "${a}-secret-${n}";`;
      case 7: return `aws_access_key_id = "AKIAXXXXXXXXEXAMPLE${n}"`;
      case 8: return `if (token === undefined || password === "") return null; // ${a} auth`;
      case 9: return `  "${a}_token_url": "https://auth.example.com/${a}/token?v=${n}",`;
      case 10: return `API_SECRET=changeme`;
      default: return this.pick(this.lines.decoys);
    }
  }

  /** A real-shaped fake key: a rule example line, or a key-shaped random value after a secret name. */
  key() {
    if (this.rand(3) > 0) return this.pick(this.lines.keys);
    const a = this.pick(IDENT);
    return this.pick([`const ${a}ApiKey = "${this.value(32)}";`, `${a}_secret = '${this.value(40)}'`, `  ${a}AccessToken: "${this.value(36)}"`]);
  }

  file(ext, bytes) {
    const out = [];
    let size = 0;
    while (size < bytes) {
      const roll = this.rand(KEY_EVERY * DECOY_EVERY);
      const line = roll === 0 ? this.key() : roll % DECOY_EVERY === 0 ? this.decoy() : this.filler(ext);
      out.push(line);
      size += line.length + 1;
    }
    return `${out.join('\n')}\n`;
  }
}

const EXTENSIONS = [
  ['js', 'js'], ['ts', 'js'], ['py', 'py'], ['yaml', 'yaml'], ['json', 'json'], ['env', 'env'],
];

/** DIR/dense-tree: ~1 GB in folders of 100 files, sizes 2–60 KB. */
async function buildDenseTree(dir) {
  const root = join(dir, DENSE_TREE);
  rmSync(root, { recursive: true, force: true });
  const rand = prng(SEED);
  const writer = new CodeWriter(rand, await ruleLines());
  let written = 0;
  let files = 0;
  while (written < TREE_BYTES) {
    const folder = join(root, `pkg${String(Math.floor(files / 1000)).padStart(2, '0')}`, `mod${String(Math.floor(files / 100) % 10)}`);
    if (files % 100 === 0) mkdirSync(folder, { recursive: true });
    const [ext, syntax] = EXTENSIONS[files % EXTENSIONS.length];
    const name = ext === 'env' ? `.env.${files}` : `${writer.pick(IDENT)}-${files}.${ext}`;
    const text = writer.file(syntax, 2048 + rand(58 * 1024));
    writeFileSync(join(folder, name), text);
    written += text.length;
    files++;
  }
  console.error(`generate: ${root}: ${files} files, ${(written / 2 ** 20).toFixed(0)} MB`);
  return { files, bytes: written };
}

/** Runs git fast-import in `repo`; resolves once it has taken the whole stream. */
function fastImport(repo, produce) {
  return new Promise((done, fail) => {
    const child = spawn('git', ['-C', repo, 'fast-import', '--quiet', '--done'], { stdio: ['pipe', 'inherit', 'inherit'] });
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`git fast-import exited with ${code}`))));
    const write = (text) => (child.stdin.write(text) ? Promise.resolve() : new Promise((drained) => child.stdin.once('drain', drained)));
    produce(write).then(() => child.stdin.end('done\n'), fail);
  });
}

/**
 * DIR/dense-history: 20,000 commits on main (a few files edited per commit, a key added now and then
 * and removed some commits later), and three side branches of 200 commits each forked along the way.
 */
async function buildDenseHistory(dir) {
  const repo = join(dir, DENSE_HISTORY);
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  const init = spawnSync('git', ['init', '--quiet', '-b', 'main', repo]);
  if (init.status !== 0) throw new Error(`git init failed: ${init.stderr}`);
  const rand = prng(SEED + 1);
  const writer = new CodeWriter(rand, await ruleLines());
  const FILES = 600;
  const files = Array.from({ length: FILES }, (_, i) => {
    const [ext, syntax] = EXTENSIONS[i % EXTENSIONS.length];
    return { path: `src/${writer.pick(IDENT)}/${ext === 'env' ? `.env.${i}` : `${writer.pick(VERBS)}-${i}.${ext}`}`, syntax, lines: writer.file(syntax, 1024 + rand(12 * 1024)).split('\n') };
  });
  const branches = new Map([[5_000, 'feature/payments'], [10_000, 'release/2.x'], [15_000, 'hotfix/auth']]);
  let mark = 0;
  let time = HISTORY_START;
  await fastImport(repo, async (write) => {
    const commit = async (ref, message, edits) => {
      time += 600 + rand(7200);
      mark++;
      let body = `commit ${ref}\nmark :${mark}\ncommitter ${HISTORY_AUTHOR} ${time} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`;
      if (ref === 'refs/heads/main' && mainHead) body += `from :${mainHead}\n`;
      for (const file of edits) {
        const text = file.lines.join('\n');
        body += `M 100644 inline ${file.path}\ndata ${Buffer.byteLength(text)}\n${text}\n`;
      }
      await write(body);
      if (ref === 'refs/heads/main') mainHead = mark;
    };
    let mainHead = 0;
    await commit('refs/heads/main', 'initial import', files);
    for (let n = 1; n < HISTORY_COMMITS; n++) {
      const edited = Array.from({ length: 1 + rand(3) }, () => files[rand(FILES)]);
      for (const file of edited) {
        const at = rand(file.lines.length);
        const roll = rand(10);
        // Keys come and go: one edit in ten adds one, one in ten deletes a line (sometimes a key).
        if (roll === 0) file.lines.splice(at, 0, writer.key());
        else if (roll === 1 && file.lines.length > 20) file.lines.splice(at, 1);
        else file.lines.splice(at, 1, writer.filler(file.syntax), writer.rand(DECOY_EVERY) === 0 ? writer.decoy() : writer.filler(file.syntax));
      }
      const message = rand(20) === 0 ? `rotate the ${writer.pick(IDENT)} token and update the secret config` : `${writer.pick(VERBS)} ${writer.pick(IDENT)} (#${n})`;
      await commit('refs/heads/main', message, [...new Set(edited)]);
      const branch = branches.get(n);
      if (branch) {
        await write(`reset refs/heads/${branch}\nfrom :${mainHead}\n\n`);
        for (let b = 0; b < 200; b++) {
          const file = files[rand(FILES)];
          const copy = { ...file, lines: [...file.lines] };
          copy.lines.splice(rand(copy.lines.length), 0, rand(4) === 0 ? writer.key() : writer.filler(file.syntax));
          await commit(`refs/heads/${branch}`, `${branch}: ${writer.pick(VERBS)} ${writer.pick(IDENT)}`, [copy]);
        }
      }
    }
  });
  const checkout = spawnSync('git', ['-C', repo, 'reset', '--quiet', '--hard', 'main']);
  if (checkout.status !== 0) throw new Error(`git reset failed in ${repo}: ${checkout.stderr}`);
  const script = `git -C "$1" rev-list --objects --all | cut -d' ' -f1 | git -C "$1" cat-file --batch-check='%(objecttype) %(objectsize)' | awk '$1=="blob"{n++; s+=$2} END {print n, s}'`;
  const sizes = spawnSync('bash', ['-c', script, 'bash', repo], { encoding: 'utf8' });
  const [blobs, bytes] = sizes.stdout.trim().split(' ').map(Number);
  console.error(`generate: ${repo}: ${HISTORY_COMMITS + 600} commits, ${blobs} blobs`);
  return { files: blobs, bytes };
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.slice(0, 3).join(' ')} … failed (exit ${result.status})`);
}

/** DIR/dense-archives/dense.tgz and dense.zip: the dense tree's ~1 GB of files, fast compression. */
function buildDenseArchives(dir) {
  const folder = join(dir, DENSE_ARCHIVES);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  run('tar', ['-c', '-I', 'gzip -1', '-f', join(folder, 'dense.tgz'), DENSE_TREE], dir);
  run('zip', ['-q', '-r', '-1', join(folder, 'dense.zip'), DENSE_TREE], dir);
  console.error(`generate: ${folder}: dense.tgz, dense.zip`);
  return readSizes(dir, '.dense-tree.done');
}

/** The { files, bytes } a finished part recorded in its stamp file (blobs for the history). */
function readSizes(dir, stamp) {
  return JSON.parse(readFileSync(join(dir, stamp), 'utf8'));
}

async function once(dir, stamp, build) {
  if (!existsSync(join(dir, stamp))) {
    const started = Date.now();
    const sizes = await build(dir);
    writeFileSync(join(dir, stamp), JSON.stringify(sizes));
    console.error(`generate: ${stamp} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  return readSizes(dir, stamp);
}

/**
 * Builds the missing inputs of the memory scenarios (the archives are made from the dense tree) and
 * returns the { files, bytes } of each: files of the tree, blobs of the history, entries of an archive.
 */
export async function ensureMemoryInputs(dir, { tree = true, history = true, archives = true } = {}) {
  mkdirSync(dir, { recursive: true });
  const sizes = {};
  if (tree || archives) sizes.tree = await once(dir, '.dense-tree.done', buildDenseTree);
  if (history) sizes.history = await once(dir, '.dense-history.done', buildDenseHistory);
  if (archives) sizes.archives = await once(dir, '.dense-archives.done', buildDenseArchives);
  return sizes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { tree: { type: 'boolean' }, history: { type: 'boolean' }, archives: { type: 'boolean' } } });
  const none = !values.tree && !values.history && !values.archives;
  ensureMemoryInputs(benchDir(), none ? {} : { tree: values.tree ?? false, history: values.history ?? false, archives: values.archives ?? false }).catch((error) => {
    console.error(`generate: ${error.message}`);
    process.exitCode = 1;
  });
}
