/**
 * Findings inside archives are named by the path through their containers, `!/` between levels
 * (`app-release.apk!/classes.dex`, `image.tar!/layer.tar!/app/.env`), as Java's jar: URLs do.
 */
export const ARCHIVE_SEPARATOR = '!/';

export function innerPath(archivePath: string, entryName: string): string {
  return `${archivePath}${ARCHIVE_SEPARATOR}${entryName}`;
}

/** The file on disk and the path inside it, or null for a finding in a plain file. */
export function splitArchivePath(path: string): { archive: string; entry: string } | null {
  const at = path.indexOf(ARCHIVE_SEPARATOR);
  if (at === -1) return null;
  return { archive: path.slice(0, at), entry: path.slice(at + ARCHIVE_SEPARATOR.length) };
}
