/**
 * How a user accepts a finding in place: a comment on the line where the secret starts, or on the
 * line above it. keyguard's own directives, and those of the scanners teams migrate from, so a
 * repository that moves to keyguard keeps its decisions:
 *
 *   keyguard:allow [rule-id …]            this line (only these rules when ids follow)
 *   keyguard:allow-next-line [rule-id …]  the next line
 *   gitleaks:allow                        this line (gitleaks)
 *   pragma: allowlist secret              this line (detect-secrets)
 *   pragma: allowlist nextline secret     the next line (detect-secrets)
 *   trufflehog:ignore                     this line (TruffleHog)
 *   secretlint-disable-line               this line (secretlint)
 *   secretlint-disable-next-line          the next line (secretlint)
 */

/** A directive that covers a finding; `rules` is null when it covers every rule. */
export interface InlineAllow {
  directive: string;
  rules: readonly string[] | null;
}

const SAME_LINE = /keyguard:allow(?!-next-line)((?:[ \t]+[a-z0-9]+(?:-[a-z0-9]+)+)*)|gitleaks:allow|pragma:[ \t]*allowlist[ -]secret|trufflehog:ignore|secretlint-disable-line/i;
const NEXT_LINE = /keyguard:allow-next-line((?:[ \t]+[a-z0-9]+(?:-[a-z0-9]+)+)*)|pragma:[ \t]*allowlist[ -]nextline[ -]secret|secretlint-disable-next-line/i;

function toAllow(match: RegExpExecArray | null): InlineAllow | null {
  if (!match) return null;
  const ids = (match[1] ?? '').trim();
  return { directive: match[0].split(/[ \t]/)[0]!.toLowerCase(), rules: ids === '' ? null : ids.toLowerCase().split(/[ \t]+/) };
}

/** The allow directive on a finding's own line or on the line before it, if any. */
export function inlineAllowFor(line: string, previousLine: string | null): InlineAllow | null {
  return toAllow(SAME_LINE.exec(line)) ?? (previousLine === null ? null : toAllow(NEXT_LINE.exec(previousLine)));
}

/** Whether the directive covers a finding of `ruleId`. */
export function allowsRule(allow: InlineAllow, ruleId: string): boolean {
  return allow.rules === null || allow.rules.includes(ruleId);
}

/** Cheap test before the full parse: most lines hold none of the directive words. */
export function mayHoldDirective(text: string): boolean {
  return /allow|ignore|disable/i.test(text);
}
