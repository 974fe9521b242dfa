import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { KeyguardError } from '../errors.js';
import type { Finding } from '../finding/finding.js';
import { locateRepo } from '../git/locate.js';
import { gitStdout, splitNul } from '../git/run.js';
import { isEnvFile, isEnvTemplate } from '../hygiene/env-files.js';
import { auditIgnoreRules, type IgnorePlan } from '../hygiene/ignore-plan.js';
import { scan } from '../scan.js';

/** What `keyguard fix` will do (or, with --dry-run, would do). */
export interface FixPlan {
  /** Top folder of the work tree; the paths below are relative to it. */
  worktree: string;
  /** The folder fix was run on. */
  target: string;
  /** Lines to add to .gitignore files. */
  ignoreEdits: IgnorePlan[];
  /** Tracked env files to remove from the index with `git rm --cached` (they stay on disk). */
  untrack: string[];
  /** Keys found in the files being untracked: they are in history and must be rotated. */
  keysInEnvFiles: Finding[];
  /** Keys in other files, which fix never edits: they get rotation steps instead. */
  keysInCode: Finding[];
}

export class FixError extends KeyguardError {
  override name = 'FixError';
}

/** Files under the current folder of `cwd`, relative to the work tree (`--full-name`). */
async function listFiles(cwd: string, which: readonly string[]): Promise<string[]> {
  return splitNul(await gitStdout(cwd, ['ls-files', '-z', '--full-name', ...which, '--', '.']));
}

/** Works out what fix will change in the repository holding `path`; changes nothing. */
export async function planFix(path: string): Promise<FixPlan> {
  const target = resolve(path);
  if (!existsSync(target) || !statSync(target).isDirectory()) throw new FixError(`not a folder: ${target}`);
  const repo = locateRepo(target);
  if (!repo) throw new FixError(`not inside a git repository: ${target} (keyguard fix edits a repository's .gitignore and index)`);

  const [tracked, untracked] = await Promise.all([listFiles(target, ['--cached']), listFiles(target, ['--others', '--exclude-standard'])]);
  const present = [...new Set([...tracked, ...untracked])];
  const audit = await auditIgnoreRules({
    worktree: repo.worktree,
    envFiles: present.filter(isEnvFile),
    templates: present.filter(isEnvTemplate),
  });
  const untrack = tracked.filter(isEnvFile);

  const result = await scan({ paths: [target] });
  const secretRules = new Set(result.rules.filter((rule) => rule.category === 'secret').map((rule) => rule.id));
  const keys = result.findings.filter((finding) => secretRules.has(finding.ruleId));
  const untrackedFromTarget = new Set(untrack.map((file) => resolve(repo.worktree, file)));
  const inUntracked = (finding: Finding) => untrackedFromTarget.has(resolve(target, finding.file));
  return {
    worktree: repo.worktree,
    target,
    ignoreEdits: audit.plans,
    untrack,
    keysInEnvFiles: keys.filter(inUntracked),
    keysInCode: keys.filter((finding) => !inUntracked(finding)),
  };
}
