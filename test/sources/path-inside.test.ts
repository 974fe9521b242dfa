import { describe, expect, it } from 'vitest';
import { outsidePath, pathInside } from '../../src/sources/path-inside.js';

describe('pathInside', () => {
  it('gives the path below the folder with / separators', () => {
    expect(pathInside('/repo', '/repo/src/app.ts')).toBe('src/app.ts');
    expect(pathInside('/', '/etc/hosts')).toBe('etc/hosts');
  });

  it('gives an empty path for the folder itself', () => {
    expect(pathInside('/repo', '/repo')).toBe('');
  });

  it('gives null outside the folder, including a sibling that shares its name as a prefix', () => {
    expect(pathInside('/repo', '/other/file')).toBeNull();
    expect(pathInside('/repo', '/repository/file')).toBeNull();
    expect(pathInside('/repo/src', '/repo')).toBeNull();
  });
});

describe('outsidePath', () => {
  it('is relative while the file shares a folder with the root, absolute when they share only /', () => {
    expect(outsidePath('/home/me/app', '/home/me/lib/config.js')).toBe('../lib/config.js');
    expect(outsidePath('/home/me/app', '/dev/stdin')).toBe('/dev/stdin');
    expect(outsidePath('/', '/dev/stdin')).toBe('/dev/stdin');
  });
});
