import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dirname } from 'node:path/posix';

/** Base name of a forward-slash path. */
function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Whether an env-shaped base name is matched by `.env*` (else it is a `name.env`, matched by `*.env`). */
function startsWithEnv(base: string): boolean {
  return base.startsWith('.env');
}

/**
 * The ignore lines that cover every env file of a project and keep its templates: `.env*` (and
 * `*.env` when a `prod.env`-style name exists), followed by a `!` line for each template the
 * positive patterns would otherwise hide. Lines without a slash match at any depth below the
 * .gitignore that holds them. This is the one source of both the hygiene finding's suggestion and
 * what `keyguard fix` writes, so the two cannot disagree.
 */
export function ignoreEntry(envFiles: readonly string[], templates: readonly string[]): string[] {
  const names = envFiles.map(baseName);
  const dotEnv = names.length === 0 || names.some(startsWithEnv);
  const suffixEnv = names.some((name) => !startsWithEnv(name));
  const kept = [...new Set(templates.map(baseName))]
    .filter((name) => (dotEnv && startsWithEnv(name)) || (suffixEnv && name.endsWith('.env')))
    .sort();
  return [...(dotEnv ? ['.env*'] : []), ...(suffixEnv ? ['*.env'] : []), ...kept.map((name) => `!${name}`)];
}

/** How a finding's remedy shows the lines: `.env*` and `!.env.example`. */
export function describeEntry(lines: readonly string[]): string {
  return lines.map((line) => `\`${line}\``).join(lines.length === 2 ? ' and ' : ', ');
}

/**
 * The .gitignore an entry for `path` (relative to the work tree) belongs in: the nearest existing
 * one in its folder or above, whose patterns git weighs last, so an added line takes effect even
 * over a shallower file; the work tree's top .gitignore when there is none (it is then created).
 */
export function gitignoreFor(worktree: string, path: string): string {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const candidate = dir === '.' ? '.gitignore' : `${dir}/.gitignore`;
    if (existsSync(join(worktree, candidate))) return candidate;
    if (dir === '.' || dir === '/' || dir === '') return '.gitignore';
  }
}
