import type { Candidate, Filter } from './filter.js';

/** `123e4567-e89b-12d3-a456-426614174000`, optionally in braces as Windows writes GUIDs. */
const UUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export const uuidFilter: Filter = {
  name: 'uuid',
  description:
    'Drops UUIDs and GUIDs assigned to key-like names: they identify things (tenants, apps, requests) rather than authenticate; providers whose keys are UUIDs have their own rules.',
  appliesTo: 'generic',
  matches: (candidate: Candidate) => isUuid(candidate.secret),
};
