import { describe, expect, it } from 'vitest';
import { base62Checksum, crc32, expandTemplate, hasValidChecksum, isTemplate, TemplateError } from '../../src/rules/template.js';

describe('expandTemplate', () => {
  it('gives the same text for the same seed and a different text for another seed', () => {
    const template = 'sk-proj-{{urlsafe 74}}T3Blbk{{}}FJ{{urlsafe 74}}';
    expect(expandTemplate(template, 'rule:example:0')).toBe(expandTemplate(template, 'rule:example:0'));
    expect(expandTemplate(template, 'rule:example:0')).not.toBe(expandTemplate(template, 'rule:example:1'));
  });

  it.each([
    ['alnum', /^[A-Za-z0-9]{200}$/],
    ['alpha', /^[A-Za-z]{200}$/],
    ['upper', /^[A-Z]{200}$/],
    ['lower', /^[a-z]{200}$/],
    ['digit', /^[0-9]{200}$/],
    ['hex', /^[0-9a-f]{200}$/],
    ['HEX', /^[0-9A-F]{200}$/],
    ['lowernum', /^[a-z0-9]{200}$/],
    ['uppernum', /^[A-Z0-9]{200}$/],
    ['base64', /^[A-Za-z0-9+/]{200}$/],
    ['urlsafe', /^[A-Za-z0-9_-]{200}$/],
    ['base32', /^[A-Z2-7]{200}$/],
  ])('{{%s N}} gives N characters of its alphabet', (name, shape) => {
    const text = expandTemplate(`{{${name} 200}}`, name);
    expect(text).toMatch(shape);
    // 200 draws use most of a small alphabet: the expansion is random, not a repeated character.
    expect(new Set(text).size).toBeGreaterThan(9);
  });

  it('draws {{chars ALPHABET N}} from the given characters only', () => {
    expect(expandTemplate('{{chars ab! 50}}', 'seed')).toMatch(/^[ab!]{50}$/);
  });

  it('keeps literal text, and {{}} splits it without leaving anything', () => {
    expect(expandTemplate('AK{{}}IA-{{ digit 3 }}-end', 'seed')).toMatch(/^AKIA-[0-9]{3}-end$/);
  });

  it('writes {{open}} as a literal {{, so texts holding template syntax of their own can be examples', () => {
    expect(expandTemplate('token: ${{open}} secrets.GITHUB_TOKEN }}', 'seed')).toBe('token: ${{ secrets.GITHUB_TOKEN }}');
  });

  it('makes {{checksummed PREFIX}} a 30-character body and its CRC32 checksum', () => {
    const token = expandTemplate('{{checksummed ghp_}}', 'seed');
    expect(token).toMatch(/^ghp_[A-Za-z0-9]{36}$/);
    expect(hasValidChecksum(token)).toBe(true);
    expect(hasValidChecksum(expandTemplate('{{checksummed npm_}}', 'other'))).toBe(true);
  });

  it.each([
    ['{{alnum}}', 'unknown placeholder'],
    ['{{alnum 0}}', 'expected a length from 1 to 4096'],
    ['{{alnum 4097}}', 'expected a length from 1 to 4096'],
    ['{{alnum x}}', 'expected a length from 1 to 4096'],
    ['{{base58 10}}', 'unknown placeholder'],
    ['{{chars abc}}', 'expected {{chars ALPHABET N}}'],
    ['{{checksummed}}', 'expected {{checksummed PREFIX}}'],
    ['{{open 2}}', 'unknown placeholder'],
  ])('rejects %s with a TemplateError', (template, message) => {
    expect(() => expandTemplate(template, 'seed')).toThrow(TemplateError);
    expect(() => expandTemplate(template, 'seed')).toThrow(message);
  });
});

describe('checksums', () => {
  it('computes CRC-32 as zlib does (known vectors)', () => {
    expect(crc32('')).toBe(0);
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('The quick brown fox jumps over the lazy dog')).toBe(0x414fa339);
  });

  it('writes the checksum as 6 base62 digits, zero-padded', () => {
    expect(base62Checksum('123456789')).toMatch(/^[0-9A-Za-z]{6}$/);
    expect(base62Checksum('')).toBe('000000');
  });

  it('rejects a token whose last 6 characters are not the checksum of the 30 before them', () => {
    const token = expandTemplate('{{checksummed ghp_}}', 'tamper');
    const tampered = `${token.slice(0, 10)}${token[10] === 'a' ? 'b' : 'a'}${token.slice(11)}`;
    expect(hasValidChecksum(tampered)).toBe(false);
    expect(hasValidChecksum(`${token}x`)).toBe(false);
  });
});

describe('isTemplate', () => {
  it('tells texts with a placeholder from plain text', () => {
    expect(isTemplate('ghp_{{alnum 36}}')).toBe(true);
    expect(isTemplate('AK{{}}IA')).toBe(true);
    expect(isTemplate('no placeholders { here }')).toBe(false);
  });
});
