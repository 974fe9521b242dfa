import { applyFix } from '../fix/apply.js';
import { planFix } from '../fix/plan.js';
import { formatFix, nothingToDo } from '../fix/report.js';
import { printable } from '../report/printable.js';

/** `keyguard fix`: 0 when done or nothing to do; errors throw (exit 2). */
export async function runFixCommand(path: string, dryRun: boolean): Promise<number> {
  const plan = await planFix(path);
  if (!dryRun && !nothingToDo(plan)) await applyFix(plan);
  // File names come from the repository, which may be hostile: escape sequences are shown, not run.
  process.stdout.write(formatFix(plan, dryRun).split('\n').map(printable).join('\n'));
  return 0;
}
