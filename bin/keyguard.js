#!/usr/bin/env node
'use strict';
// A CommonJS script (bin/package.json): as an ES module this entry would start Node's ES module
// loader too, which a pre-commit hook does not need.
const { setFlagsFromString } = require('node:v8');

// V8 first runs a new regex in its bytecode interpreter and compiles it to machine code once it is
// run again, so each of the ~100 rule and filter regexes is compiled twice and runs slowly in
// between. A pre-commit hook runs most of them only a few times: compiling straight to machine
// code cut its detection time by about a third (node --cpu-prof), and long scans are unaffected.
// Set before the scanner's code loads, so it applies to every regex (and to worker threads).
setFlagsFromString('--no-regexp-tier-up');
// V8 checks that a code cache matches its version, its flags and the source's length, but a
// release build does not check the cache's content: a damaged cache file could crash the process.
// (Node 20 crashed on a cache with one byte changed just past V8's header: test/cli/code-cache.test.ts).
// With this flag V8 writes a checksum into the caches it makes and verifies it before using one; a
// cache that fails is rejected and the bundle compiled from source as usual.
setFlagsFromString('--verify-snapshot-checksum');
// The main thread's young generation otherwise grows to 32 MB and stays there: a history scan
// keeps every blob's record from the log walk, and the heap grows around them. Not letting the
// young generation grow took the generated 20,600-commit history's peak RSS from 308-322 to ~284 MB
// and the benchmark history's from 290-300 to 270-274 MB, with the same CPU time (/usr/bin/time,
// three runs each). --max-semi-space-size would say it directly but only works on the command
// line; this flag is read each time V8 decides to grow. Worker threads have their own small cap
// (detect/engine.ts), which they barely exceed anyway.
setFlagsFromString('--semi-space-growth-factor=1');

const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

/** The whole CLI as one script (scripts/bundle.js); its first line names the build. */
const BUNDLE = join(__dirname, '..', 'dist', 'bundle', 'keyguard.cjs');
/**
 * V8's compiled code for BUNDLE, from an earlier scan. Compiling the bundle from source was the
 * largest part of the hook's start-up after Node's own. The cache lives next to the bundle, not
 * in a shared temporary folder: whoever can write there can change the bundle itself, so a cache
 * planted by someone else is no new risk. An install that cannot be written to runs uncached.
 */
const CACHE = `${BUNDLE}.cache`;

/**
 * The cache file's first line: what it was made from and how long the rest is. A cache for another
 * build of the bundle, another Node or a file cut short is ignored (V8 compares only the source's
 * length, so a rebuilt bundle of the same length would otherwise run the old code).
 */
function cacheHeader(buildLine, length) {
  return `keyguard-code-cache 1 ${buildLine.replace('// keyguard-build ', '')} ${process.version} ${process.arch} ${length}\n`;
}

function readCodeCache(buildLine) {
  let data;
  try {
    data = readFileSync(CACHE);
  } catch {
    return undefined;
  }
  const end = data.indexOf(0x0a) + 1;
  if (end === 0 || data.toString('latin1', 0, end) !== cacheHeader(buildLine, data.length - end)) return undefined;
  return data.subarray(end);
}

/** Written whole under a temporary name, then renamed, so a concurrent run never reads half a cache. */
function writeCodeCache(script, buildLine) {
  const temporary = `${CACHE}.${process.pid}.tmp`;
  try {
    const data = script.createCachedData();
    writeFileSync(temporary, Buffer.concat([Buffer.from(cacheHeader(buildLine, data.length), 'latin1'), data]), { flag: 'wx' });
    renameSync(temporary, CACHE);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}

const source = readFileSync(BUNDLE, 'utf8');
const buildLine = source.slice(0, source.indexOf('\n'));
const cachedData = readCodeCache(buildLine);
// The wrapper Node gives a CommonJS module, on the bundle's first line (a comment), so line
// numbers in stack traces stay those of the file.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE, cachedData });
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, createRequire(BUNDLE), bundle, BUNDLE, dirname(BUNDLE));

bundle.exports.main(process.argv).then((code) => {
  process.exitCode = code;
  // Made after a scan has run, so the cache holds the code a scan compiled on the way (V8 compiles
  // a function when it is first called), not just the bundle's top level.
  if ((cachedData === undefined || script.cachedDataRejected) && process.argv[2] === 'scan') writeCodeCache(script, buildLine);
});
