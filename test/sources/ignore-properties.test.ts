import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readUserExcludes } from '../../src/git/excludes-file.js';
import { IgnoreRules } from '../../src/sources/ignore-rules.js';
import { walk } from '../../src/sources/walk.js';
import { makeTempDir, removeTestRepos, runGitIn, writeFileIn } from '../helpers/git-repo.js';

afterAll(removeTestRepos);

/**
 * The walk's ignore logic against git itself: for random files and random ignore patterns (in the
 * user's excludes file, .git/info/exclude, the top .gitignore and a subfolder's), the files the walk yields are exactly
 * the untracked files `git ls-files --others --exclude-standard` lists. The same patterns in
 * .keyguardignore files instead must leave out the same files, since .keyguardignore follows
 * gitignore syntax. One real repository, rewritten for each run; few runs, each costs a git process.
 */
describe('ignore rules agree with git', () => {
  const FILES = ['x.txt', 'y.js', '.env', 'z', 'a/x.txt', 'a/y.js', 'a/.env', 'a/b/z', 'a/b/x.txt', 'b/x.txt', 'b/a/y.js', 'c/.env', 'a/c/z.txt', 'c/b/a/x.txt', 'd e/#f.txt'];
  const SEGMENTS = ['a', 'b', 'c', 'z', '*', '**', 'x.txt', '*.txt', 'y.*', '?', '[ab]', '[!a]', '.env', '*.js', 'z*', 'd e', '\\#f.txt'];
  const pattern = fc
    .tuple(fc.boolean(), fc.constantFrom('', '/'), fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 3 }), fc.constantFrom('', '', '/'))
    .map(([negated, anchor, segments, slash]) => `${negated ? '!' : ''}${anchor}${segments.join('/')}${slash}`);
  const patterns = fc.array(fc.oneof({ weight: 8, arbitrary: pattern }, { weight: 1, arbitrary: fc.constantFrom('', '# comment', '*.txt ') }), { maxLength: 5 });
  const scenario = fc.record({ files: fc.subarray(FILES, { minLength: 1 }), user: patterns, exclude: patterns, top: patterns, inA: patterns });
  type Scenario = { files: readonly string[]; user: readonly string[]; exclude: readonly string[]; top: readonly string[]; inA: readonly string[] };

  const dir = makeTempDir('keyguard-ignore-');
  const home = makeTempDir('keyguard-ignore-home-');
  // No user-wide excludes file (HOME, XDG) may add patterns of its own.
  const git = (...args: string[]) => runGitIn(dir, args, { HOME: home, XDG_CONFIG_HOME: home });
  git('init', '-q');
  // The user's excludes file, named by the repository's core.excludesFile (read through git by the walk's caller).
  const userIgnore = join(home, 'user-ignore');
  git('config', 'core.excludesFile', userIgnore);

  /** Empties the work tree (keeping .git) and lays out one scenario, its patterns in files named `ignoreFile`. */
  function layOut({ files, user, exclude, top, inA }: Scenario, ignoreFile: string): void {
    for (const name of ['x.txt', 'y.js', '.env', 'z', 'a', 'b', 'c', 'd e', '.gitignore', '.keyguardignore']) rmSync(join(dir, name), { recursive: true, force: true });
    for (const file of files) writeFileIn(dir, file, 'content\n');
    mkdirSync(join(dir, '.git', 'info'), { recursive: true });
    writeFileSync(join(dir, '.git', 'info', 'exclude'), ignoreFile === '.gitignore' ? exclude.join('\n') : '');
    writeFileSync(userIgnore, ignoreFile === '.gitignore' ? user.join('\n') : '');
    writeFileIn(dir, ignoreFile, top.join('\n'));
    writeFileIn(dir, join('a', ignoreFile), inA.join('\n'));
  }

  async function walked(): Promise<string[]> {
    const rules = IgnoreRules.fromRepository(join(dir, '.git'), dir, undefined, await readUserExcludes(dir));
    const noop = () => {};
    const files = walk(dir, rules, { buildOutput: false, onUnreadable: noop, onIgnored: noop, onNotAFile: noop });
    return [...files].map((file) => relative(dir, file.absolutePath).split(sep).join('/')).sort();
  }

  function gitSays(): string[] {
    return git('ls-files', '-z', '--others', '--exclude-standard').split('\0').filter(Boolean).sort();
  }

  /** The scenario's files and ignore files with every folder above them, as git names them. */
  function pathsIn(files: readonly string[], ignoreFile: string): string[] {
    const paths = new Set<string>();
    for (const file of [...files, ignoreFile, `a/${ignoreFile}`]) {
      const segments = file.split('/');
      for (let i = 1; i <= segments.length; i++) paths.add(segments.slice(0, i).join('/'));
    }
    return [...paths].sort();
  }

  /** The rules in force for a path named on its own: the user's excludes, info/exclude and the ignore files of every folder above it. */
  function rulesAbove(path: string): IgnoreRules {
    let rules = IgnoreRules.fromRepository(join(dir, '.git'), dir, undefined, readFileSync(userIgnore, 'utf8'));
    let folder = dir;
    for (const segment of ['', ...path.split('/').slice(0, -1)]) {
      folder = join(folder, segment);
      rules = rules.withFolder(folder, new Set(readdirSync(folder)));
    }
    return rules;
  }

  /** The paths `git check-ignore` calls excluded, itself or through a folder above. */
  function gitExcludes(paths: readonly string[]): string[] {
    try {
      // One path a line (-z needs --stdin, which runGitIn does not feed): no name here needs quoting.
      return git('check-ignore', '--no-index', '--', ...paths).split('\n').filter(Boolean).sort();
    } catch (error) {
      if ((error as { status?: number }).status === 1) return []; // none of them excluded
      throw error;
    }
  }

  it('says a named path is ignored exactly when git check-ignore does, also through a folder above', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const judged = (ignoreFile: string, ignored: (rules: IgnoreRules, absolutePath: string, isDirectory: boolean) => boolean) =>
          pathsIn(s.files, ignoreFile).filter((path) => {
            const absolutePath = join(dir, path);
            return ignored(rulesAbove(path), absolutePath, statSync(absolutePath).isDirectory());
          });
        layOut(s, '.gitignore');
        expect(judged('.gitignore', (rules, path, isDirectory) => rules.isIgnored(path, isDirectory))).toEqual(gitExcludes(pathsIn(s.files, '.gitignore')));
        // The same patterns in .keyguardignore files (the user's and info/exclude's moved to the top one) exempt the same paths.
        const moved = { ...s, user: [], exclude: [], top: [...s.user, ...s.exclude, ...s.top] };
        layOut(moved, '.gitignore');
        const expected = gitExcludes(pathsIn(s.files, '.gitignore')).map((path) => path.replace(/(^|\/)\.gitignore$/, '$1.keyguardignore'));
        layOut(moved, '.keyguardignore');
        expect(judged('.keyguardignore', (rules, path, isDirectory) => rules.isExemptedByKeyguardIgnore(path, isDirectory))).toEqual(expected.sort());
      }),
      { numRuns: 10 },
    );
  });

  it('walks exactly the files git does not ignore', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        layOut(s, '.gitignore');
        expect(await walked()).toEqual(gitSays());
      }),
      { numRuns: 20 },
    );
  });

  // Found by the property above when each ignore file still judged a path together with its
  // folders: `!**/` in a/.gitignore re-includes a/c, which .git/info/exclude's `a/?` excludes, so
  // git judges a/c/z.txt by its own name and lists it.
  it('re-includes a folder that a deeper ignore file un-ignores, as git does', async () => {
    layOut({ files: ['a/c/z.txt', 'x.txt'], user: [], exclude: ['a/?'], top: [], inA: ['!**/'] }, '.gitignore');
    expect(gitSays()).toContain('a/c/z.txt');
    expect(await walked()).toEqual(gitSays());
  });

  it('leaves out the same files when the patterns are in .keyguardignore files', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        // The user's excludes and info/exclude have no .keyguardignore twin: their patterns (with their negations) go to the top file.
        const moved = { ...s, user: [], exclude: [], top: [...s.user, ...s.exclude, ...s.top] };
        layOut(moved, '.gitignore');
        const expected = gitSays().map((file) => file.replace(/(^|\/)\.gitignore$/, '$1.keyguardignore'));
        layOut(moved, '.keyguardignore');
        expect(await walked()).toEqual(expected.sort());
      }),
      { numRuns: 10 },
    );
  });
});
