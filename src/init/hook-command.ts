/**
 * What the installed hooks run. Both variants scan the index (`--staged`), not the work tree,
 * because the index is what the commit will contain.
 */

/**
 * The line added to `.husky/pre-commit`: the keyguard that a devDependency puts in the project's
 * node_modules/.bin (git runs hooks from the top of the work tree). Not `npx --no-install`: npx
 * itself takes ~0.4 s to start, more than the whole scan, on every commit. Nothing is downloaded
 * at commit time, and when keyguard is missing the shell cannot find it and the commit fails
 * instead of silently going unchecked.
 */
export const HUSKY_HOOK_LINE = 'node_modules/.bin/keyguard scan --staged';

/**
 * True when a hook script already runs `keyguard scan --staged`, however it is spelled: our own
 * line, a user's variant with extra flags, or a plain git hook we installed earlier. This is what
 * makes init idempotent and what tells our plain git hook apart from someone else's.
 */
export function runsKeyguardScan(script: string): boolean {
  return script
    .split(/\r?\n/)
    .some((line) => !line.trimStart().startsWith('#') && /\bkeyguard\s+scan\b.*\s--staged\b/.test(line));
}
