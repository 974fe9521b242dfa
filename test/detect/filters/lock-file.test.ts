import { describe, expect, it } from 'vitest';
import { isLockFile, lockFileFilter } from '../../../src/detect/filters/lock-file.js';

describe('lock-file filter', () => {
  it('applies to generic rules only', () => {
    expect(lockFileFilter.appliesTo).toBe('generic');
  });

  it.each([
    'package-lock.json',
    'npm-shrinkwrap.json',
    'yarn.lock',
    'pnpm-lock.yaml',
    'bun.lock',
    'bun.lockb',
    'Cargo.lock',
    'poetry.lock',
    'Pipfile.lock',
    'composer.lock',
    'Gemfile.lock',
    'go.sum',
    'go.work.sum',
    'packages.lock.json',
    'gradle.lockfile',
    'buildscript-gradle.lockfile',
    'flake.lock',
    'mix.lock',
    'pubspec.lock',
    'Podfile.lock',
    'uv.lock',
    'deno.lock',
    'Package.resolved',
    '.terraform.lock.hcl',
    'frontend/package-lock.json',
    'services/api/poetry.lock',
  ])('drops matches in %s', (path) => {
    expect(isLockFile(path)).toBe(true);
  });

  it.each(['package.json', 'Cargo.toml', 'go.mod', 'src/lock.ts', 'src/clock.json', 'docs/yarn.lock.md', 'lockfile/config.yaml'])(
    'keeps matches in %s',
    (path) => {
      expect(isLockFile(path)).toBe(false);
    },
  );
});
