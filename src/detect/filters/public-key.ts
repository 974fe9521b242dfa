import type { Candidate, Filter } from './filter.js';
import { assignedNameWords } from './assigned-name.js';
import { surroundingsOf } from './surroundings.js';

/**
 * Keys that are public by design: the public half of a key pair (JWT verification keys, VAPID and
 * SSH public keys) and client-side keys made to be shipped (Stripe publishable keys, reCAPTCHA site
 * keys). Recognised by the assigned name's last words (`vapidPublicKey`, `RECAPTCHA_SITE_KEY`; a
 * `NEXT_PUBLIC_OPENAI_KEY` ends in `openai key` and stays), by an SSH public key blob's fixed
 * start, or by a PEM public key or certificate header.
 */
const PUBLIC_KEY_NAME_ENDINGS = [['public', 'key'], ['pub', 'key'], ['pubkey'], ['publickey'], ['publishable', 'key'], ['site', 'key'], ['sitekey']];
/** Base64 of the key type that opens every SSH public key blob: ssh-rsa, ssh-dss, ssh-ed25519, ecdsa-sha2-*. */
const SSH_PUBLIC_KEY_BLOB = /^AAAA(?:B3NzaC1yc2E|B3NzaC1kc3M|C3NzaC1lZDI1NTE5|E2VjZHNhLXNoYTIt)/;
const SSH_KEY_TYPE = String.raw`(?:sk-)?(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp\d+)(?:@openssh\.com)?`;
/** The key type itself captured as the value, or the blob right after it. */
const SSH_KEY_TYPE_ALONE = new RegExp(`^${SSH_KEY_TYPE}$`);
const SSH_KEY_TYPE_BEFORE = new RegExp(`${SSH_KEY_TYPE}\\s+$`);
const PEM_PUBLIC_HEADER = /-----BEGIN (?:[A-Z0-9]+ )*(?:PUBLIC KEY|CERTIFICATE)(?: BLOCK)?-----/;

export function isPublicKey(candidate: Candidate): boolean {
  const { secret, line } = candidate;
  if (SSH_PUBLIC_KEY_BLOB.test(secret) || SSH_KEY_TYPE_ALONE.test(secret) || PEM_PUBLIC_HEADER.test(secret) || PEM_PUBLIC_HEADER.test(line)) {
    return true;
  }
  if (SSH_KEY_TYPE_BEFORE.test(surroundingsOf(candidate).before)) return true;
  const words = assignedNameWords(candidate);
  return PUBLIC_KEY_NAME_ENDINGS.some((ending) => ending.every((word, index) => words[words.length - ending.length + index] === word));
}

export const publicKeyFilter: Filter = {
  name: 'public-key',
  description: 'Drops keys that are public by design: names ending in public key, publishable key or site key, SSH public key blobs, PEM public keys and certificates.',
  appliesTo: 'generic',
  matches: isPublicKey,
};
