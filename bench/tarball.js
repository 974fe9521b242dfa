// Reads the regular files of an npm tarball (gzipped tar) into memory, for the history corpus.
//
// Why not a tar library: the history corpus must come out byte-identical on every machine (its commit
// ids are pinned), including for the 2012-era tarballs with odd headers. This reader's rules are few
// and explicit — ustar prefix, GNU long names, pax `path`, regular files only, checksums not checked,
// the top folder stripped — and match the reference builder's, so the same commits come out.
import { gunzipSync } from 'node:zlib';

const BLOCK = 512;

/** A NUL-terminated string field of a header. */
function field(header, start, end) {
  const bytes = header.subarray(start, end);
  const nul = bytes.indexOf(0);
  return bytes.subarray(0, nul < 0 ? bytes.length : nul).toString('utf8');
}

/** The size field: octal text, or base-256 when its top bit is set (GNU, for files ≥ 8 GiB). */
function sizeOf(header) {
  if (header[124] & 0x80) {
    let size = 0;
    for (let i = 125; i < 136; i++) size = size * 256 + header[i];
    return size;
  }
  return parseInt(field(header, 124, 136).trim() || '0', 8);
}

/** The `path` record of a pax extended header ("<length> path=<value>\n" records), if any. */
function paxPath(data) {
  const text = data.toString('utf8');
  let path = null;
  for (let at = 0; at < text.length; ) {
    const space = text.indexOf(' ', at);
    const length = parseInt(text.slice(at, space), 10);
    if (!length) break;
    const record = text.slice(space + 1, at + length - 1);
    const equals = record.indexOf('=');
    if (record.slice(0, equals) === 'path') path = record.slice(equals + 1);
    at += length;
  }
  return path;
}

/**
 * Map of path (without the tarball's top folder, usually `package/`) to { mode: '100644' | '100755',
 * data } for every regular file, in archive order; a path that occurs twice keeps its last content.
 */
export function readTarball(gzipped) {
  const tar = gunzipSync(gzipped);
  const files = new Map();
  let longName = null;
  let extendedPath = null;
  for (let offset = 0; offset + BLOCK <= tar.length; ) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    let name = field(header, 0, 100);
    const mode = parseInt(field(header, 100, 108).trim() || '0', 8) || 0o644;
    const size = sizeOf(header);
    const type = header[156] === 0 ? '0' : String.fromCharCode(header[156]);
    if (field(header, 257, 263).startsWith('ustar')) {
      const prefix = field(header, 345, 500);
      if (prefix) name = `${prefix}/${name}`;
    }
    const data = tar.subarray(offset + BLOCK, offset + BLOCK + size);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'L') {
      longName = data.toString('utf8').replace(/\0[\s\S]*$/, '');
      continue;
    }
    if (type === 'x') {
      extendedPath = paxPath(data) ?? extendedPath;
      continue;
    }
    if (type === 'g') continue;
    if (longName !== null) [name, longName] = [longName, null];
    if (extendedPath !== null) [name, extendedPath] = [extendedPath, null];
    if (type !== '0' && type !== '7') continue; // folders, links, devices
    const parts = name.split('/').filter((part) => part && part !== '.');
    parts.shift();
    if (parts.length === 0 || parts.includes('..')) continue;
    files.set(parts.join('/'), { mode: mode & 0o111 ? '100755' : '100644', data });
  }
  return files;
}
