import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ContentOptions } from '../content/item.js';
import { KeyguardError, UsageError } from '../errors.js';
import type { RawFinding } from '../finding/raw-finding.js';
import { isEnvFile } from '../hygiene/env-files.js';
import { publishedEnvFileFinding } from '../hygiene/published-env-file.js';
import type { IgnoreChoice } from './ignore-rules.js';
import type { Source, SourceItem } from './source.js';
import { WorktreeSource } from './worktree.js';

export interface PackOptions {
  content: ContentOptions;
  /** Whether .keyguardignore still exempts files in the package. */
  keyguardignore: boolean;
}

/** Package file lists run to tens of thousands of entries in big packages; npm's JSON for them fits easily. */
const MAX_NPM_OUTPUT = 256 * 1024 * 1024;

/**
 * How to start npm: the npm running this script (a `prepublishOnly` hook) when there is one, so
 * the list comes from the very npm that will publish, else `npm` from PATH.
 */
function npmCommand(): { file: string; args: string[]; shell: boolean } {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /npm-cli\.[cm]?js$/.test(npmCli)) return { file: process.execPath, args: [npmCli], shell: false };
  const windows = process.platform === 'win32';
  return { file: windows ? 'npm.cmd' : 'npm', args: [], shell: windows };
}

/**
 * The files `npm pack` would put in the package in `dir`, relative to it: npm's own answer
 * (`npm pack --dry-run --json`), which applies `files`, .npmignore (or .gitignore when there is
 * none), the files npm always adds and always leaves out, and bundled dependencies exactly as the
 * installed npm does. Scripts are not run: what a `prepack` build would add is not there yet.
 */
export async function packFileList(dir: string): Promise<string[]> {
  if (!existsSync(join(dir, 'package.json'))) throw new UsageError(`--pack: no package.json in ${dir}`);
  const npm = npmCommand();
  // Packing a folder needs no network: --offline and --no-update-notifier keep npm from trying.
  const args = [...npm.args, 'pack', '--dry-run', '--json', '--ignore-scripts', '--offline', '--no-update-notifier'];
  const stdout = await new Promise<string>((done, fail) => {
    execFile(npm.file, args, { cwd: dir, shell: npm.shell, maxBuffer: MAX_NPM_OUTPUT, encoding: 'utf8' }, (error, out, err) => {
      if (!error) return done(out);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return fail(new KeyguardError('--pack needs npm, which is not on the PATH'));
      const reason = err.split('\n').map((line) => line.trim()).filter(Boolean).find((line) => /error/i.test(line)) ?? error.message;
      fail(new KeyguardError(`--pack: \`npm pack --dry-run\` failed in ${dir}: ${reason}`));
    });
  });
  let packages: Array<{ files?: Array<{ path?: unknown }> }>;
  try {
    packages = JSON.parse(stdout) as typeof packages;
  } catch {
    throw new KeyguardError(`--pack: \`npm pack --dry-run --json\` in ${dir} printed no JSON`);
  }
  const files = packages[0]?.files;
  if (!Array.isArray(files)) throw new KeyguardError(`--pack: \`npm pack --dry-run --json\` in ${dir} listed no files`);
  return files.map((file) => String(file.path));
}

/**
 * Exactly the files `npm publish` would upload from a package folder: each read like a named
 * file of a tree scan (ignore files play no part, npm has already applied its own), plus an
 * `env-file-published` finding for every env file in the list.
 */
export class PackSource implements Source<SourceItem> {
  private readonly files: WorktreeSource;

  constructor(
    dir: string,
    private readonly packageFiles: readonly string[],
    options: PackOptions,
  ) {
    const ignoreRules: IgnoreChoice = { gitignore: false, keyguardignore: options.keyguardignore };
    const targets = packageFiles.map((path) => resolve(dir, path));
    this.files = new WorktreeSource({ root: dir, targets, content: options.content, ignoreRules, buildOutput: false });
  }

  get stats() {
    return this.files.stats;
  }

  chunks(): AsyncIterable<SourceItem> {
    return this.files.chunks();
  }

  async hygieneFindings(): Promise<RawFinding[]> {
    return this.packageFiles.filter((path) => isEnvFile(path)).map((path) => publishedEnvFileFinding(path));
  }
}
