// Bundles the CLI (dist/cli/main.js, from tsc) and the detection worker into dist/bundle/.
//
// Why one CommonJS file for the CLI: `keyguard scan --staged` runs on every commit, and its start-up
// was mostly module loading. ~85 separate ES modules cost ~50 ms (node --cpu-prof: resolution,
// reading, linking); an ES module bundle split into ~40 chunks still went through Node's ES module
// loader for each chunk and compiled every one from source on every run. A single classic script
// is what V8 can keep a code cache for (vm.Script cachedData; ES modules have no such API in Node
// 20), which bin/keyguard.js uses: see there. Dynamic imports inside the bundle become lazy module
// initialisers, so a staged scan still runs none of the history walker, the archive readers or the
// verifiers; the dependencies only those need stay package imports (external), loaded from
// node_modules on first use, so the script V8 has to read stays small.
//
// The library API (dist/index.js) stays the plain tsc output for `import`; `require('keyguard')` gets
// dist/bundle/index.cjs, a CommonJS bundle of it (dependencies included: chalk is ESM-only, and Node
// 20 cannot require() ESM in every release). The worker stays an ES module (a worker thread loads
// it by path; its start-up is not on the hook's path).
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names of earlier builds, and a code cache made for an earlier bundle: clear them out.
rmSync('dist/bundle', { recursive: true, force: true });
mkdirSync('dist/bundle', { recursive: true });

// The source finds its package root, worker and rules through import.meta.url, which CommonJS
// lacks: it becomes the bundle file's own URL. The bundles sit next to the worker bundle, so the
// worker path they compute ('./worker.js') exists.
const commonJs = {
  // jsonc-parser's `main` is a UMD build that loads its parts with require() calls esbuild cannot
  // follow; its ES module build bundles like any other.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  define: { 'import.meta.url': '__keyguardModuleUrl' },
  banner: { js: "const __keyguardModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
};

// Loaded only by --verify (undici), config files (ajv, yaml; regexpp for custom rules' matchReach),
// archives (yauzl, tar-stream) and PKCS#12 key files (node-forge, required by path at run time). recheck is not a dependency at all:
// `rules check` uses it where the user installed it (it finds its native binary by package path).
const LAZY_PACKAGES = ['undici', 'ajv', 'yaml', 'yauzl', 'tar-stream', 'node-forge', 'recheck', '@eslint-community/regexpp'];

// Comments and indentation go (a third of the bytes, and the only non-ASCII characters, which
// would make V8 hold the source as a two-byte string): less to read and hold on every run.
// Names stay, so stack traces and error names read as in the source.
const cli = await build({ ...commonJs, entryPoints: ['dist/cli/main.js'], external: LAZY_PACKAGES, minifyWhitespace: true, write: false,
  // import() of a package or built-in module becomes require() (all of them are CommonJS): a script
  // run through vm.Script, as bin/keyguard.js runs this one, has no loader for import().
  supported: { 'dynamic-import': false },
});
// The build id names this exact bundle: bin/keyguard.js uses a code cache only when it was made from
// the bundle with the same id (V8 itself compares no more than the source's length).
const code = cli.outputFiles[0].text;
const buildId = createHash('sha256').update(code).digest('hex').slice(0, 32);
writeFileSync('dist/bundle/keyguard.cjs', `// keyguard-build ${buildId}\n${code}`);

await build({
  entryPoints: { worker: 'dist/detect/worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: LAZY_PACKAGES,
  // CommonJS dependencies call require() for Node's built-in modules; an ES module has none.
  banner: { js: "import { createRequire as __keyguardRequire } from 'node:module'; const require = __keyguardRequire(import.meta.url);" },
  logLevel: 'warning',
});

// The CommonJS build of the library, dependencies included (see above).
await build({ ...commonJs, entryPoints: ['dist/index.js'], outfile: 'dist/bundle/index.cjs', external: ['undici'] });
