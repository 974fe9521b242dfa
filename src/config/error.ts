import { KeyguardError } from '../errors.js';

/** A config file that cannot be used; the message names the file, the field and the problem. */
export class ConfigError extends KeyguardError {
  override name = 'ConfigError';
}
