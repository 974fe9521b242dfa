import { readFileSync } from 'node:fs';

/** Read from package.json (two levels up from src/ and dist/) so there is one place to bump it. */
export const TOOL_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
