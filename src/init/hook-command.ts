/**
 * What the installed hooks run. Both variants scan the index (`--staged`), not the work tree,
 * because the index is what the commit will contain.
 */

/**
 * The line added to `.husky/pre-commit`: the keyguard that a devDependency puts in the project's
 * node_modules/.bin (git runs hooks from the top of the work tree). Not `npx --no-install`: npx
 * itself takes ~0.4 s to start, more than the whole scan, on every commit. Nothing is downloaded
 * at commit time.
 *
 * A teammate who pulls the hook before running `npm install` has no keyguard yet: the hook then
 * says so in one line and refuses the commit (fails closed). Letting it pass would leave commits
 * unchecked exactly when the guard was just introduced, and the fix takes one command.
 */
export function huskyHookLine(packageFolder = ''): string {
  const where = /^[\w./-]+$/.test(packageFolder) ? ` in ${packageFolder}` : '';
  const missing = `echo "keyguard is not installed: run npm install${where}" >&2; exit 1`;
  if (packageFolder === '') {
    return `if [ -x node_modules/.bin/keyguard ]; then node_modules/.bin/keyguard scan --staged; else ${missing}; fi`;
  }
  // A package in a subfolder (monorepo): husky documents a hook that cds into it; a subshell keeps
  // the other lines of the hook where they were.
  const folder = shellQuote(packageFolder);
  return `if [ -x ${folder}/node_modules/.bin/keyguard ]; then (cd ${folder} && node_modules/.bin/keyguard scan --staged); else ${missing}; fi`;
}

export const HUSKY_HOOK_LINE = huskyHookLine();

/** The line earlier versions of init wrote, which failed with "not found" (exit 127) before npm install. */
export const LEGACY_HUSKY_HOOK_LINE = 'node_modules/.bin/keyguard scan --staged';

function shellQuote(value: string): string {
  return /^[\w./-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}

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
