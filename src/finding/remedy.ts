import type { RuleDefinition } from '../rules/types.js';

const CLIENT_SIDE =
  'Keep the key on a server and call the API through your own backend: anything shipped to a browser or app can be read by its users. Rotate this key now, since it has already shipped.';

function rotateLink(definition: RuleDefinition): string {
  return definition.references[0] ? ` (${definition.references[0]})` : '';
}

/** What to do about a secret found in the working tree or the index. */
export function remedyFor(definition: RuleDefinition, clientSide: boolean): string {
  if (clientSide) return CLIENT_SIDE;
  return (
    definition.remedy ??
    `Rotate the key${rotateLink(definition)}, then load it from an environment variable or a secret manager instead of the source.`
  );
}

/** What to do about a secret found in git history, where deleting the file does not help. */
export function historyRemedy(definition: RuleDefinition): string {
  if (definition.category === 'risky-code') {
    return `This match is code, not a key, so history holds no secret here and nothing needs rotating for it. ${definition.remedy ?? 'Make sure the current code no longer does this.'}`;
  }
  return (
    `Rotate the key first${rotateLink(definition)}: it stays readable in every clone of this history, so deleting the file in a new commit is not enough. ` +
    'Then, optionally, purge it from history with git filter-repo (--replace-text or --invert-paths) and force-push.'
  );
}
