import { generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as Forge from 'node-forge';

/**
 * Real PKCS#12 files made at test time with node-forge, in Google's own layout for service
 * account keys: the key in a PBE-SHA1-3DES shrouded bag, an HMAC-SHA1 MAC, friendly name
 * `privatekey`. The RSA key is generated per run, so no key material sits in the repository.
 */
const forge = createRequire(import.meta.url)('node-forge') as typeof Forge;
export const { privateKey: keyPem } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });

function selfSignedCertificate(): Forge.pki.Certificate {
  const key = forge.pki.privateKeyFromPem(keyPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date('2024-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2034-01-01T00:00:00Z');
  const subject = [{ name: 'commonName', value: 'privatekey' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.sign(key, forge.md.sha256.create());
  return cert;
}

export function forgeP12(password: string, options: { withKey?: boolean } = {}): Buffer {
  const key = options.withKey === false ? null : forge.pki.privateKeyFromPem(keyPem);
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, selfSignedCertificate(), password, { algorithm: '3des', friendlyName: 'privatekey' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
