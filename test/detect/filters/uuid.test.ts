import { describe, expect, it } from 'vitest';
import { isUuid, uuidFilter } from '../../../src/detect/filters/uuid.js';
import { randomKeys } from '../random-keys.js';

describe('uuid filter', () => {
  it('applies to generic rules only', () => {
    expect(uuidFilter.appliesTo).toBe('generic');
  });

  it.each(['123e4567-e89b-12d3-a456-426614174000', '123E4567-E89B-12D3-A456-426614174000', '{123e4567-e89b-12d3-a456-426614174000}'])(
    'drops %s',
    (value) => {
      expect(isUuid(value)).toBe(true);
    },
  );

  it('drops UUIDs made by crypto.randomUUID', () => {
    expect(isUuid(crypto.randomUUID())).toBe(true);
  });

  const uuid = crypto.randomUUID();
  it.each([
    ['without dashes, as 32-digit hex keys look', uuid.replaceAll('-', '')],
    ['with a prefix', `key-${uuid}`],
    ['with a non-hex digit', `${uuid.slice(0, -1)}g`],
    ['with a group too short', uuid.slice(0, -1)],
  ])('keeps a UUID %s', (_, value) => {
    expect(isUuid(value)).toBe(false);
  });

  it('keeps random hex keys', () => {
    expect(randomKeys('hex', 32, 100).filter(isUuid)).toEqual([]);
  });
});
