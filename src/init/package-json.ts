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

/**
 * Adds husky to devDependencies and a prepare script that runs it, so that `npm install` activates
 * the hooks in .husky/. Anything already there is kept: an existing husky of any version, and an
 * existing prepare script, which gets `&& husky` appended rather than replaced.
 */
export function addHuskyToPackageJson(text: string, huskyCommand = 'husky'): PackageJsonEdit {
  const manifest = parseManifest(text);
  const changes: string[] = [];

  if (!declaresDependency(manifest, 'husky')) {
    const devDependencies = objectField(manifest, 'devDependencies');
    manifest['devDependencies'] = withEntry(devDependencies, 'husky', HUSKY_VERSION_RANGE);
    changes.push(`package.json: added husky ${HUSKY_VERSION_RANGE} to devDependencies`);
  }

  const scripts = objectField(manifest, 'scripts');
  const prepare = scripts['prepare'];
  if (prepare === undefined) {
    manifest['scripts'] = { ...scripts, prepare: huskyCommand };
    changes.push(`package.json: added the script "prepare": "${huskyCommand}"`);
  } else if (typeof prepare !== 'string') {
    throw new InitError('package.json: scripts.prepare is not a string');
  } else if (prepare.trim() === 'husky' && huskyCommand !== 'husky') {
    // A bare `husky` in a subfolder package fails (".git can't be found"); husky's documented form replaces it.
    manifest['scripts'] = { ...scripts, prepare: huskyCommand };
    changes.push(`package.json: changed the prepare script to "${huskyCommand}", as husky documents for a package in a subfolder`);
  } else if (!runsHusky(prepare)) {
    manifest['scripts'] = { ...scripts, prepare: `${prepare} && ${huskyCommand}` };
    changes.push(`package.json: appended "&& ${huskyCommand}" to the prepare script`);
  }

  const providesKeyguard = manifest['name'] === 'keyguard' || declaresDependency(manifest, 'keyguard');
  if (changes.length === 0) return { text, changes, providesKeyguard };
  return { text: serializeLike(text, manifest), changes, providesKeyguard };
}

function parseManifest(text: string): Manifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stripBom(text));
  } catch (error) {
    throw new InitError(`package.json is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(parsed)) throw new InitError('package.json does not contain a JSON object');
  return parsed;
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

/** Keeps an alphabetically sorted dependency list sorted, as npm writes it; otherwise appends. */
function withEntry(entries: Record<string, unknown>, name: string, value: string): Record<string, unknown> {
  const names = Object.keys(entries);
  const isSorted = names.every((current, index) => index === 0 || names[index - 1]! <= current);
  const merged = Object.entries({ ...entries, [name]: value });
  if (isSorted) merged.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(merged);
}

/** `husky`, `husky install`, `npx husky`, `cd .. && husky app/.husky` all count. */
function runsHusky(script: string): boolean {
  return /(^|[\s;&|(/])husky($|[\s;&|)])/.test(script);
}

/** Re-serializes with the file's own indentation, line endings, BOM and trailing newline, as npm does. */
function serializeLike(original: string, manifest: Manifest): string {
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
  const newline = original.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)\S/.exec(original)?.[1] ?? '  ';
  const trailingNewline = /\n\s*$/.test(original) ? newline : '';
  // JSON.stringify escapes newlines inside strings, so every raw \n is a line break between tokens.
  const body = JSON.stringify(manifest, null, indent).replace(/\n/g, newline);
  return bom + body + trailingNewline;
}

function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
