#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// V8 first runs a new regex in its bytecode interpreter and compiles it to machine code once it is
// run again, so each of the ~100 rule and filter regexes is compiled twice and runs slowly in
// between. A pre-commit hook runs most of them only a few times: compiling straight to machine
// code cut its detection time by about a third (node --cpu-prof), and long scans are unaffected.
// Set before the scanner's modules load, so it applies to every regex (and to worker threads).
setFlagsFromString('--no-regexp-tier-up');

const { main } = await import('../dist/bundle/keyguard.js');
main(process.argv).then((code) => {
  process.exitCode = code;
});
