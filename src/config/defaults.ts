import { optionKey, SCAN_FLAGS } from '../cli/scan-flags.js';
import type { KeyguardConfig } from './types.js';

/**
 * The scan flags with the config's defaults filled in where the command line is silent: the
 * option table (src/cli/scan-flags.ts) says which options a config may set. Commander holds
 * option values as strings (`--max-file-size 10`), so numbers become strings here.
 */
export function withConfigDefaults<T extends object>(flags: T, config: KeyguardConfig, onCommandLine: (key: string) => boolean): T {
  const merged = { ...flags } as Record<string, unknown>;
  for (const spec of SCAN_FLAGS) {
    const key = optionKey(spec);
    const value = config.options[key];
    if (!spec.config || value === undefined || onCommandLine(key)) continue;
    merged[key] = spec.config === 'number' ? String(value) : value;
  }
  return merged as T;
}
