import type { InlineAllow } from '../suppress/inline-allow.js';
import type { Finding } from './finding.js';

/**
 * A finding as the detector and the hygiene checks produce it, before the pipeline in scan() has
 * run: it still holds the whole secret, which suppression (baselines), verification and
 * fingerprinting need. Only `finalize` (src/pipeline/finalize.ts) turns it into a Finding, with the
 * secret redacted, so no reporter can ever see a RawFinding.
 */
export interface RawFinding extends Omit<Finding, 'secret' | 'fingerprint'> {
  /** The secret as found; '' for hygiene findings. Never printed unless --show-secrets. */
  rawSecret: string;
  /** True for risky-code matches: they are code, not credentials, and are shown as they are. */
  showAsIs: boolean;
  /** An allow comment on the finding's line (or the line above) that covers it. */
  inlineAllow: InlineAllow | null;
  /**
   * In env files, the variable the secret is assigned to (`OPENAI_API_KEY`): the env file's
   * hygiene finding names the variables that make it critical (names only, never values).
   */
  variable?: string;
}
