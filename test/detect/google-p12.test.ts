import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GOOGLE_P12_PASSWORD, isGoogleDefaultPasswordP12 } from '../../src/detect/google-p12.js';
import { forgeP12, keyPem } from '../helpers/pkcs12.js';

/**
 * Real PKCS#12 files, made at test time: with node-forge in Google's own layout
 * (test/helpers/pkcs12.ts), and with the openssl CLI when the machine has it (its modern default,
 * PBES2/AES-256 with an HMAC-SHA256 MAC, and the legacy 3DES layout).
 */
function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const workDir = mkdtempSync(join(tmpdir(), 'keyguard-p12-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function opensslP12(password: string, extraArgs: string[] = []): Buffer {
  const keyFile = join(workDir, 'key.pem');
  const certFile = join(workDir, 'cert.pem');
  const out = join(workDir, `out-${randomBytes(4).toString('hex')}.p12`);
  writeFileSync(keyFile, keyPem);
  execFileSync('openssl', ['req', '-x509', '-key', keyFile, '-out', certFile, '-subj', '/CN=privatekey', '-days', '1'], { stdio: 'ignore' });
  execFileSync('openssl', ['pkcs12', '-export', '-inkey', keyFile, '-in', certFile, '-name', 'privatekey', '-passout', `pass:${password}`, '-out', out, ...extraArgs], { stdio: 'ignore' });
  return readFileSync(out);
}

describe('isGoogleDefaultPasswordP12', () => {
  it('recognises a key file protected with Google\'s default password', () => {
    expect(isGoogleDefaultPasswordP12(forgeP12(GOOGLE_P12_PASSWORD))).toBe(true);
  });

  it('accepts the bytes as a Uint8Array view into a larger buffer', () => {
    const file = forgeP12(GOOGLE_P12_PASSWORD);
    const padded = Buffer.concat([Buffer.from('padding'), file]);
    expect(isGoogleDefaultPasswordP12(new Uint8Array(padded.buffer, padded.byteOffset + 7, file.length))).toBe(true);
  });

  it('rejects a key file with another password', () => {
    expect(isGoogleDefaultPasswordP12(forgeP12('correct horse battery staple'))).toBe(false);
    expect(isGoogleDefaultPasswordP12(forgeP12(''))).toBe(false);
  });

  it('rejects a file that holds only a certificate', () => {
    expect(isGoogleDefaultPasswordP12(forgeP12(GOOGLE_P12_PASSWORD, { withKey: false }))).toBe(false);
  });

  it('rejects what is not a PKCS#12 file, without throwing', () => {
    const file = forgeP12(GOOGLE_P12_PASSWORD);
    expect(isGoogleDefaultPasswordP12(new Uint8Array())).toBe(false);
    expect(isGoogleDefaultPasswordP12(file.subarray(0, file.length / 2))).toBe(false);
    expect(isGoogleDefaultPasswordP12(Buffer.concat([Buffer.from([0x30, 0x82, 0x09, 0x00]), randomBytes(2300)]))).toBe(false);
    expect(isGoogleDefaultPasswordP12(Buffer.from(keyPem))).toBe(false);
  });

  it.runIf(hasOpenssl())('recognises files written by openssl, modern and legacy layouts', () => {
    expect(isGoogleDefaultPasswordP12(opensslP12(GOOGLE_P12_PASSWORD))).toBe(true);
    expect(isGoogleDefaultPasswordP12(opensslP12(GOOGLE_P12_PASSWORD, ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1']))).toBe(true);
    expect(isGoogleDefaultPasswordP12(opensslP12('another-password'))).toBe(false);
  });
});
