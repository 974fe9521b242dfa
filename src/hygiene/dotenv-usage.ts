import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Packages whose presence means the project reads a .env file at run time. */
const NPM_DOTENV_PACKAGES = ['dotenv', 'dotenv-flow', 'dotenv-expand', '@dotenvx/dotenvx', 'dotenv-safe', 'env-cmd'];

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function npmProjectLoadsDotenv(dir: string): boolean {
  const text = readText(join(dir, 'package.json'));
  if (text === null) return false;
  try {
    const manifest = JSON.parse(text) as Record<string, Record<string, string> | undefined>;
    return ['dependencies', 'devDependencies', 'optionalDependencies'].some((field) =>
      NPM_DOTENV_PACKAGES.some((name) => manifest[field]?.[name] !== undefined),
    );
  } catch {
    return false;
  }
}

/** python-dotenv in requirements/pyproject, or the dotenv gem. */
function otherProjectLoadsDotenv(dir: string): boolean {
  const python = [readText(join(dir, 'requirements.txt')), readText(join(dir, 'pyproject.toml'))];
  if (python.some((text) => text !== null && /python-dotenv/i.test(text))) return true;
  const gemfile = readText(join(dir, 'Gemfile'));
  return gemfile !== null && /gem\s+['"]dotenv(?:-rails)?['"]/.test(gemfile);
}

/** Whether the project in `dir` loads a .env file, judged from its dependency manifests. */
export function projectLoadsDotenv(dir: string): boolean {
  return npmProjectLoadsDotenv(dir) || otherProjectLoadsDotenv(dir);
}
