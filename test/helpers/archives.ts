/**
 * Archives built by the tests, byte by byte, so each test controls what a hostile or unusual
 * archive holds (an encrypted flag, a `../` name, a bomb's ratio) without any fixture file.
 */
import { randomBytes } from 'node:crypto';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Buffer | string;
  /** Default: deflate. */
  store?: boolean;
  /** Sets the encryption flag and adds the encryption header (the data itself stays readable: nothing decrypts it here). */
  encrypted?: boolean;
}

export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = Buffer.from(entry.data);
    const packed = entry.store ? data : deflateRawSync(data);
    // Traditional zip encryption puts a 12-byte header before the data.
    const body = entry.encrypted ? Buffer.concat([randomBytes(12), packed]) : packed;
    const name = Buffer.from(entry.name, 'utf8');
    const flags = (entry.encrypted ? 0x1 : 0) | 0x800;
    const method = entry.store ? 0 : 8;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A POSIX (ustar) tar of regular files. */
export function tar(entries: readonly { name: string; data: Buffer | string }[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const data = Buffer.from(entry.data);
    const header = Buffer.alloc(512);
    header.write(entry.name, 0, 100, 'utf8');
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write('        ', 148); // checksum counted as spaces
    header.write('0', 156);
    header.write('ustar\0', 257);
    header.write('00', 263);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    parts.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

export function tgz(entries: readonly { name: string; data: Buffer | string }[]): Buffer {
  return gzipSync(tar(entries));
}

/** Binary filler around a string, as a compiled file holds it: NULs and bytes that are not text. */
export function binaryWith(magic: readonly number[], ...strings: string[]): Buffer {
  const filler = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256));
  return Buffer.concat([Buffer.from(magic), filler, ...strings.flatMap((text) => [Buffer.from(`\0${text}\0`), filler])]);
}
