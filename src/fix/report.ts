import { join, relative, sep } from 'node:path';
import type { Finding } from '../finding/finding.js';
import { describeEntry } from '../hygiene/ignore-entry.js';
import type { FixPlan } from './plan.js';

/** True when fix has nothing to change (keys in code are advice, not changes). */
export function nothingToDo(plan: FixPlan): boolean {
  return plan.ignoreEdits.length === 0 && plan.untrack.length === 0;
}

/**
 * What fix did (or, with dryRun, would do), then what it cannot do for the user: rotating keys.
 * Paths are shown relative to the folder fix was run on, like scan's.
 */
export function formatFix(plan: FixPlan, dryRun: boolean): string {
  const shown = (worktreePath: string) => relative(plan.target, join(plan.worktree, worktreePath)).split(sep).join('/') || '.';
  const lines: string[] = [];
  const changes = plan.ignoreEdits.length + plan.untrack.length;
  if (changes === 0) lines.push('keyguard fix: nothing to do: every env file is ignored and none is tracked');
  else lines.push(dryRun ? `keyguard fix --dry-run: would make ${changes} change(s); nothing was changed` : `keyguard fix: made ${changes} change(s)`);

  for (const edit of plan.ignoreEdits) {
    const verb = edit.exists ? (dryRun ? 'would add' : 'added') : dryRun ? 'would create it with' : 'created it with';
    const covers = edit.uncovered.length > 0 ? ` (covers ${edit.uncovered.map(shown).join(', ')})` : ' (the project loads .env files)';
    lines.push(`  ${shown(edit.gitignore)}: ${verb} ${describeEntry(edit.lines)}${covers}`);
  }
  for (const file of plan.untrack) {
    lines.push(`  ${shown(file)}: ${dryRun ? 'would stop' : 'stopped'} tracking it (git rm --cached); the file stays on disk`);
  }
  if (plan.untrack.length > 0) {
    const files = plan.untrack.length === 1 ? 'this file' : 'these files';
    const why = 'git history still has them, and untracking does not change history';
    lines.push(
      '',
      plan.keysInEnvFiles.length > 0 ? `Rotate the keys ${files} held (${why}):` : `If ${files} ever held keys, rotate them: ${why}.`,
      ...plan.keysInEnvFiles.map((finding) => `  ${location(finding)}  ${finding.ruleName}`),
    );
  }
  if (changes > 0 && !dryRun) {
    lines.push('', 'Next: check `git status`, then commit the .gitignore change and the removal together.');
  }
  if (plan.keysInCode.length > 0) lines.push('', ...rotationSteps(plan.keysInCode));
  return `${lines.join('\n')}\n`;
}

function location(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column}`;
}

/** Per provider: where its keys are, where to rotate them, and the steps; fix never edits code. */
function rotationSteps(findings: readonly Finding[]): string[] {
  const byProvider = new Map<string, Finding[]>();
  for (const finding of findings) byProvider.set(finding.provider, [...(byProvider.get(finding.provider) ?? []), finding]);
  const lines = ['Keys in code: keyguard fix never edits source code, so these need you:'];
  for (const [provider, found] of byProvider) {
    const link = found[0]!.references[0];
    lines.push(
      `  ${provider}: ${found.map(location).join(', ')}`,
      `    1. Create a new key and revoke the old one${link ? `: ${link}` : ' in the provider\'s console'}`,
      '    2. Put the new key in an environment variable or a secret manager (an ignored .env file locally) and read it from there',
      '    3. Delete the literal from the code; the old key stays in git history, which is why step 1 revokes it',
    );
  }
  return lines;
}
