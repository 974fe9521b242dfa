import { relative, sep } from 'node:path';

/**
 * `absolutePath` relative to the folder `base`, with `/` separators: '' for the folder itself,
 * null outside it. Both must be normalised absolute paths (as the walk builds them). A prefix test
 * and a slice instead of path.relative, which normalises both paths first: this runs for every
 * file at every ignore level, where path.relative and its normalising showed up as ~2 % of the
 * tree benchmark's main-thread profile.
 */
export function pathInside(base: string, absolutePath: string): string | null {
  if (absolutePath === base) return '';
  const prefix = base.endsWith(sep) ? base : base + sep;
  if (!absolutePath.startsWith(prefix)) return null;
  const inside = absolutePath.slice(prefix.length);
  return sep === '/' ? inside : inside.split(sep).join('/');
}

/** The first folder below the filesystem root that `absolutePath` lies in ('' for the root itself). */
function topFolder(absolutePath: string): string {
  return absolutePath.split(sep).find((part, index) => index > 0 && part !== '') ?? '';
}

/**
 * How findings name a file the user gave outside the scan root: relative, with `..`, when the two
 * share a folder (`../lib/config.js`); absolute when they share only the filesystem root, where
 * `../../dev/stdin` would only puzzle (`keyguard scan /dev/stdin` reports `/dev/stdin`).
 */
export function outsidePath(root: string, absolutePath: string): string {
  if (topFolder(root) !== topFolder(absolutePath)) return absolutePath.split(sep).join('/');
  return relative(root, absolutePath).split(sep).join('/');
}
