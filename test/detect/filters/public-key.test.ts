import { describe, expect, it } from 'vitest';
import { isPublicKey, publicKeyFilter } from '../../../src/detect/filters/public-key.js';
import { randomKeys } from '../random-keys.js';
import { genericCandidate } from './candidates.js';

describe('public-key filter', () => {
  const [key] = randomKeys('base64url', 87, 1);

  it('applies to generic rules only', () => {
    expect(publicKeyFilter.appliesTo).toBe('generic');
  });

  it.each([
    `VAPID_PUBLIC_KEY=${key}`,
    `  vapidPublicKey: "${key}",`,
    `jwt_public_key: "${key}"`,
    `PUB_KEY = "${key}"`,
    `pubkey = "${key}"`,
    `NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=${key}`,
    `RECAPTCHA_SITE_KEY=${key}`,
    `<div class="h-captcha" data-sitekey="${key}"></div>`,
  ])('drops %s', (line) => {
    expect(isPublicKey(genericCandidate(line, key!))).toBe(true);
  });

  it.each([
    ['ssh-rsa', `AAAAB3NzaC1yc2E${key}`],
    ['ssh-ed25519', `AAAAC3NzaC1lZDI1NTE5${key}`],
    ['ecdsa', `AAAAE2VjZHNhLXNoYTItbmlzdHAyNTY${key}`],
  ])('drops an %s public key blob', (_, blob) => {
    expect(isPublicKey(genericCandidate(`deploy_key: "${blob}"`, blob))).toBe(true);
  });

  it('drops the blob of an SSH public key line, or its type', () => {
    const line = `ssh_key = ssh-ed25519 ${key} me@laptop`;
    expect(isPublicKey(genericCandidate(line, key!))).toBe(true);
    expect(isPublicKey(genericCandidate(line, 'ssh-ed25519'))).toBe(true);
  });

  it('drops a PEM public key or certificate', () => {
    const pem = `-----BEGIN PUBLIC KEY-----\n${key}\n-----END PUBLIC KEY-----`;
    expect(isPublicKey(genericCandidate(`public: "${pem}"`, pem))).toBe(true);
    expect(isPublicKey(genericCandidate(`cert_key: "-----BEGIN CERTIFICATE-----${key}`, key!))).toBe(true);
  });

  it.each([
    // NEXT_PUBLIC_ says where the key goes, not what it is: an OpenAI key exposed to the browser.
    `NEXT_PUBLIC_OPENAI_KEY=${key}`,
    `PUBLIC_API_KEY=${key}`,
    `PRIVATE_KEY=${key}`,
    `public_key_secret = "${key}"`,
    `api_key = "${key}"`,
  ])('keeps %s', (line) => {
    expect(isPublicKey(genericCandidate(line, key!))).toBe(false);
  });
});
