// Timing of one command: wall time from process.hrtime.bigint() around spawnSync, peak RSS from GNU time.
// stdout goes to a file (never into this process: `git log -p` output is a gigabyte), stderr to another
// file that is shown only when the command fails.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A command to benchmark. `ok` lists the exit codes that mean success: keyguard and rg exit 1 when they
 * find something (keyguard) or nothing (rg), which is a result, not an error.
 */
export function command(label, file, args, { cwd, ok = [0, 1], runs, warmup = true, inspect } = {}) {
  return { label, file, args, cwd, ok, runs, warmup, inspect };
}

/** A shell pipeline, run by `bash -c` with pipefail so a failing git is not hidden by rg's exit code. */
export function pipeline(label, script, options = {}) {
  return command(label, 'bash', ['-c', `set -o pipefail; ${script}`], options);
}

/** Runs `cmd` once under /usr/bin/time; returns { ms, rssMb, outFile, errFile }. Throws on an unexpected exit code. */
function timedRun(cmd, workDir) {
  mkdirSync(workDir, { recursive: true });
  const slug = cmd.label.replace(/[^A-Za-z0-9]+/g, '-');
  const outFile = join(workDir, `${slug}.out`);
  const errFile = join(workDir, `${slug}.err`);
  const rssFile = join(workDir, `${slug}.rss`);
  const stdout = openSync(outFile, 'w');
  const stderr = openSync(errFile, 'w');
  const start = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', '-o', rssFile, cmd.file, ...cmd.args], {
    cwd: cmd.cwd,
    stdio: ['ignore', stdout, stderr],
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  closeSync(stdout);
  closeSync(stderr);
  if (result.error) throw new Error(`${cmd.label}: ${result.error.message}`);
  if (!cmd.ok.includes(result.status)) {
    const tail = readFileSync(errFile, 'utf8').slice(-2000);
    throw new Error(`${cmd.label} exited with ${result.status ?? result.signal}:\n${tail}`);
  }
  return { ms, rssMb: peakRssMb(rssFile), outFile, errFile };
}

/** GNU time writes "Command exited with non-zero status 1" before the number when the exit code is not 0. */
function peakRssMb(rssFile) {
  const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
  return Number(lines.at(-1)) / 1024;
}

/**
 * Runs the commands alternately (A B C A B C …) after one warm-up run of each (unless warmup is false),
 * each up to its own `runs` count. Alternating spreads any drift of the machine evenly over all of them.
 * Returns, per label, the list of { ms, rssMb, ...inspect(outFile, errFile) } of the timed runs.
 */
export function alternate(commands, workDir, log = console.error) {
  const samples = new Map(commands.map((cmd) => [cmd.label, []]));
  for (const cmd of commands.filter((c) => c.warmup)) {
    log(`bench:   warm-up  ${cmd.label}`);
    timedRun(cmd, workDir);
  }
  const rounds = Math.max(...commands.map((cmd) => cmd.runs));
  for (let round = 0; round < rounds; round++) {
    for (const cmd of commands.filter((c) => round < c.runs)) {
      const run = timedRun(cmd, workDir);
      const extra = cmd.inspect ? cmd.inspect(run.outFile, run.errFile) : {};
      samples.get(cmd.label).push({ ms: run.ms, rssMb: run.rssMb, ...extra });
      log(`bench:   run ${round + 1}/${cmd.runs}  ${cmd.label}: ${(run.ms / 1000).toFixed(2)} s, ${run.rssMb.toFixed(0)} MB`);
    }
  }
  return samples;
}
