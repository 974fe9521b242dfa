import { applyEdits, modify, parseTree, type FormattingOptions, type JSONPath } from 'jsonc-parser';
import { parseJsonText } from '../fs/json-text.js';
import { InitError } from './outcome.js';

/** The husky major whose hook layout (`.husky/pre-commit` run by `.husky/_/h`) init writes. */
export const HUSKY_VERSION_RANGE = '^9.1.7';

export interface PackageJsonEdit {
  /** The new file text: the input itself, byte for byte, when nothing needed changing. */
  text: string;
  /** One line per change, for the summary. */
  changes: string[];
  /** Whether node_modules/.bin/keyguard will exist once dependencies are installed. */
  providesKeyguard: boolean;
}

type Manifest = Record<string, unknown>;

/** The fields init may change; a second copy of one would make the edit land in the copy npm ignores. */
const EDITED_FIELDS = ['scripts', 'devDependencies'];

/**
 * Adds husky to devDependencies and a prepare script that runs it, so that `npm install` activates
 * the hooks in .husky/. Anything already there is kept: an existing husky of any version, and an
 * existing prepare script, which gets `&& husky` appended rather than replaced.
 *
 * The file is edited as text (jsonc-parser's modify/applyEdits), not parsed and re-serialised:
 * everything init does not change stays byte for byte as it was, duplicate keys, numbers beyond
 * double precision (12345678901234567890), key order, indentation, line endings and the trailing
 * newline included.
 */
export function addHuskyToPackageJson(text: string, huskyCommand = 'husky'): PackageJsonEdit {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const manifest = parseManifest(body);
  const changes: string[] = [];
  const edits: Array<{ path: JSONPath; value: string; sorted?: boolean }> = [];

  if (!declaresDependency(manifest, 'husky')) {
    const devDependencies = objectField(manifest, 'devDependencies');
    // A new devDependencies object goes last, like a new scripts object.
    const sorted = manifest['devDependencies'] !== undefined && isSorted(Object.keys(devDependencies));
    edits.push({ path: ['devDependencies', 'husky'], value: HUSKY_VERSION_RANGE, sorted });
    changes.push(`package.json: added husky ${HUSKY_VERSION_RANGE} to devDependencies`);
  }

  const prepare = objectField(manifest, 'scripts')['prepare'];
  if (prepare === undefined) {
    edits.push({ path: ['scripts', 'prepare'], value: huskyCommand });
    changes.push(`package.json: added the script "prepare": "${huskyCommand}"`);
  } else if (typeof prepare !== 'string') {
    throw new InitError('package.json: scripts.prepare is not a string');
  } else if (prepare.trim() === 'husky' && huskyCommand !== 'husky') {
    // A bare `husky` in a subfolder package fails (".git can't be found"); husky's documented form replaces it.
    edits.push({ path: ['scripts', 'prepare'], value: huskyCommand });
    changes.push(`package.json: changed the prepare script to "${huskyCommand}", as husky documents for a package in a subfolder`);
  } else if (!runsHusky(prepare)) {
    edits.push({ path: ['scripts', 'prepare'], value: `${prepare} && ${huskyCommand}` });
    changes.push(`package.json: appended "&& ${huskyCommand}" to the prepare script`);
  }

  const providesKeyguard = manifest['name'] === 'keyguard' || declaresDependency(manifest, 'keyguard');
  if (edits.length === 0) return { text, changes, providesKeyguard };
  assertNoDuplicateFields(body);
  const formattingOptions = formattingOf(body);
  let edited = body;
  for (const { path, value, sorted } of edits) {
    const name = String(path.at(-1));
    // npm keeps dependency lists sorted; a list someone keeps in another order gets the entry last.
    const getInsertionIndex = sorted ? (names: string[]) => names.filter((other) => other < name).length : (names: string[]) => names.length;
    edited = applyEdits(edited, modify(edited, path, value, { formattingOptions, getInsertionIndex }));
  }
  return { text: bom + edited, changes, providesKeyguard };
}

function parseManifest(text: string): Manifest {
  let parsed: unknown;
  try {
    parsed = parseJsonText(text);
  } catch (error) {
    throw new InitError(`package.json is not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(parsed)) throw new InitError('package.json does not contain a JSON object');
  return parsed;
}

function assertNoDuplicateFields(text: string): void {
  const names = (parseTree(text)?.children ?? []).map((property) => property.children?.[0]?.value as unknown);
  for (const field of EDITED_FIELDS) {
    if (names.filter((name) => name === field).length > 1) {
      throw new InitError(`package.json has "${field}" twice; merge them into one, then rerun`);
    }
  }
}

/** The file's own indentation (its first indented line) and line ending, for the lines init adds. */
function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return indent.startsWith('\t') ? { insertSpaces: false, tabSize: 1, eol } : { insertSpaces: true, tabSize: indent.length, eol };
}

function declaresDependency(manifest: Manifest, name: string): boolean {
  return ['dependencies', 'devDependencies'].some((field) => {
    const dependencies = manifest[field];
    return isObject(dependencies) && name in dependencies;
  });
}

function objectField(manifest: Manifest, field: string): Record<string, unknown> {
  const value = manifest[field];
  if (value === undefined) return {};
  if (!isObject(value)) throw new InitError(`package.json: ${field} is not an object`);
  return value;
}

function isSorted(names: readonly string[]): boolean {
  return names.every((current, index) => index === 0 || names[index - 1]! <= current);
}

/** `husky`, `husky install`, `npx husky`, `cd .. && husky app/.husky` all count. */
function runsHusky(script: string): boolean {
  return /(^|[\s;&|(/])husky($|[\s;&|)])/.test(script);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
