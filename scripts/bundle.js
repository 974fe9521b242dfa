// Bundles the CLI (dist/cli/main.js, from tsc) and the detection worker into dist/bundle/.
//
// Why: `keyguard scan --staged` runs on every commit, and loading ~85 separate ES modules cost
// ~50 ms of a ~200 ms hook run (node --cpu-prof: module resolution, reading and linking, not our
// code). The bundle loads the same code as a handful of files, in about half the time. Dynamic
// imports stay lazy: each command and source is its own chunk (`splitting`), so a staged scan
// still loads neither the history walker nor the detection worker. The library API (dist/index.js)
// stays the plain tsc output for `import`; `require('keyguard')` gets dist/bundle/index.cjs, a
// CommonJS bundle of it (dependencies included: chalk is ESM-only, and Node 20 cannot require() ESM
// in every release).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// jsonc-parser's `main` is a UMD build that loads its parts with require() calls esbuild cannot
// follow; its ES module build bundles like any other.
const alias = { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' };

// Chunk names carry content hashes: clear out the chunks of earlier builds.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { keyguard: 'dist/cli/main.js', worker: 'dist/detect/worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // undici (the HTTP client of --verify) stays a package import: it loads only when a scan verifies.
  external: ['undici'],
  alias,
  // CommonJS dependencies (commander) call require() for Node's built-in modules;
  // an ES module has none, so each chunk gets one.
  banner: { js: "import { createRequire as __keyguardRequire } from 'node:module'; const require = __keyguardRequire(import.meta.url);" },
  logLevel: 'warning',
});

// The CommonJS build of the library. The source finds its package root, worker and rules through
// import.meta.url, which CommonJS lacks: it becomes this file's own URL. The bundle sits next to
// the worker bundle, so the worker path it computes ('./worker.js') exists.
await build({
  entryPoints: ['dist/index.js'],
  outfile: 'dist/bundle/index.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  define: { 'import.meta.url': '__keyguardModuleUrl' },
  external: ['undici'],
  alias,
  banner: { js: "const __keyguardModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
