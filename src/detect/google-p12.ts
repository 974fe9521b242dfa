import { createRequire } from 'node:module';
import type * as Forge from 'node-forge';

/**
 * Google Cloud's legacy service-account key files (`*.p12`) are PKCS#12 files that Google
 * protects with one well-known password, `notasecret`, so anyone holding the file holds the
 * private key. The file is binary: no text pattern sees it, and the finding must never print
 * what is inside. This check only answers whether the file opens with that password and holds a
 * private key.
 *
 * Opening PKCS#12 takes a parser with Google's ciphers (PBE-SHA1-3DES, PBE-SHA1-RC2-40, PBES2)
 * and the PKCS#12 key derivation: node-forge has them in pure JavaScript. Loading its PKCS#12
 * modules costs ~40 ms, so they are loaded on the first call only, which only `.p12` files make.
 */
export const GOOGLE_P12_PASSWORD = 'notasecret';

/** PKCS#12 files are DER (or BER) SEQUENCEs; anything else is not worth parsing. */
const SEQUENCE_TAG = 0x30;
/** Google's files are ~2.5 KB; a PKCS#12 key file is never megabytes. */
const MAX_P12_BYTES = 1024 * 1024;

interface ForgeP12 {
  asn1: typeof Forge.asn1;
  pkcs12: typeof Forge.pkcs12;
  pki: typeof Forge.pki;
}

let forge: ForgeP12 | undefined;

function loadForge(): ForgeP12 {
  if (forge === undefined) {
    const require = createRequire(import.meta.url);
    // The PKCS#12 module and what it needs, not all of node-forge (TLS, SSH, forms ...).
    require('node-forge/lib/pkcs12');
    forge = require('node-forge/lib/forge') as ForgeP12;
  }
  return forge;
}

/**
 * True when `bytes` is a PKCS#12 file that opens with Google's default password `notasecret` and
 * holds a private key. Never throws: anything that is not such a file (another password, text,
 * a truncated or corrupt file) is `false`.
 */
export function isGoogleDefaultPasswordP12(bytes: Uint8Array): boolean {
  if (bytes.length < 64 || bytes.length > MAX_P12_BYTES || bytes[0] !== SEQUENCE_TAG) return false;
  try {
    const { asn1, pkcs12, pki } = loadForge();
    const der = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('binary');
    const p12 = pkcs12.pkcs12FromAsn1(asn1.fromDer(der, false), false, GOOGLE_P12_PASSWORD);
    return [pki.oids.pkcs8ShroudedKeyBag, pki.oids.keyBag].some((bagType) => (p12.getBags({ bagType: bagType! })[bagType!] ?? []).length > 0);
  } catch {
    return false;
  }
}
