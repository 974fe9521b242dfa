import { SEVERITIES, type Severity } from './finding.js';

/** Folders whose files exist to test or show the code, not to run it. */
const FIXTURE_FOLDERS = new Set(['test', 'tests', '__tests__', 'spec', 'specs', 'fixture', 'fixtures', '__fixtures__', 'testdata', 'test-data', 'mocks', '__mocks__', 'example', 'examples', 'sample', 'samples', 'demo', 'demos']);
/** Folders of documentation and API examples, where sample credentials are the norm. */
const DOCUMENTATION_FOLDERS = new Set(['docs', 'doc', 'documentation', 'examples', 'example', 'samples', 'sample']);
/** Prose formats, whose code blocks show sample credentials (READMEs, guides). */
const DOCUMENTATION_FILE = /\.(?:md|mdx|markdown|rst|adoc|asciidoc)$|(?:^|[./-])examples?\.json$/i;

function folders(path: string): string[] {
  return path.toLowerCase().split('/').slice(0, -1);
}

/** An env file or other file under a test, fixture or example folder. */
export function isUnderFixtureFolder(path: string): boolean {
  return folders(path).some((folder) => FIXTURE_FOLDERS.has(folder));
}

/** Documentation or an API-example file: `docs/…`, `examples/…`, `*.examples.json`, a README. */
export function isDocumentation(path: string): boolean {
  return folders(path).some((folder) => DOCUMENTATION_FOLDERS.has(folder)) || DOCUMENTATION_FILE.test(path.slice(path.lastIndexOf('/') + 1));
}

/** One step less severe (info stays info). */
export function oneStepLower(severity: Severity): Severity {
  return SEVERITIES[Math.max(0, SEVERITIES.indexOf(severity) - 1)]!;
}
