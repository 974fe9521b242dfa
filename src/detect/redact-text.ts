import { redactSecret } from '../finding/redact.js';
import { compileRules } from '../rules/compile.js';
import { loadBuiltinRules } from '../rules/load.js';
import { Detector } from './detector.js';

/**
 * Text that is not a finding can still echo what keyguard read or was given: an error quoting a
 * config line or a revision, a path argument, a rule example in `rules check`. Each key the
 * built-in rules find in such text is redacted as it would be in a finding, so no message holds a
 * whole secret. Used on the way out, for messages only (it compiles the rules: a few ms).
 */
export async function redactKeysIn(text: string): Promise<string> {
  if (text.trim() === '') return text;
  const detector = new Detector(compileRules(await loadBuiltinRules()));
  const secrets = detector
    .detect({ path: 'message', content: Buffer.from(`${text}\n${withoutLeadingDashes(text)}`, 'utf8') })
    .map((finding) => finding.rawSecret)
    .filter((secret) => secret.length > 0)
    // The longest first, so a key that contains another is redacted whole.
    .sort((a, b) => b.length - a.length);
  return secrets.reduce((redacted, secret) => redacted.split(secret).join(redactSecret(secret)), text);
}

/**
 * An option name is echoed with its dashes (`unknown option '--sk-…'`), and the rules do not take a
 * key glued to a dash (it would be the middle of a longer token). The text is read a second time
 * with the dashes that start a word replaced by spaces, so a key typed as an option name is found.
 */
function withoutLeadingDashes(text: string): string {
  return text.replace(/(^|[^A-Za-z0-9_-])-+/gm, (_match, before: string) => `${before} `);
}
