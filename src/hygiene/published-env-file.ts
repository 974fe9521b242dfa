import type { RawFinding } from '../finding/raw-finding.js';
import type { RuleInfo } from '../scan-result.js';
import { hygieneFinding } from './hygiene-finding.js';

export const PUBLISHED_ENV_FILE_RULE = {
  id: 'env-file-published',
  name: 'Env file in the npm package',
  provider: 'Repository hygiene',
  severity: 'critical',
  description:
    'An environment file is in the list of files `npm publish` would upload, where anyone who installs the package can read it. An .npmignore replaces .gitignore for npm, so a .env that git never saw is published.',
  references: ['https://docs.npmjs.com/cli/v11/using-npm/developers#keeping-files-out-of-your-package'],
  category: 'hygiene',
} as const satisfies RuleInfo;

/** `path` is an env file (src/hygiene/env-files.ts isEnvFile) that `npm pack` would include. */
export function publishedEnvFileFinding(path: string): RawFinding {
  return hygieneFinding(
    PUBLISHED_ENV_FILE_RULE,
    path,
    `${path} would be published to npm.`,
    `Keep it out of the package: list it in .npmignore (which npm reads instead of .gitignore), or better, list what to publish in the "files" field of package.json. If it was ever published, rotate every key it held: published versions stay downloadable.`,
  );
}
