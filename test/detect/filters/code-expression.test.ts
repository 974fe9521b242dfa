import { describe, expect, it } from 'vitest';
import { codeExpressionFilter, isCodeExpression } from '../../../src/detect/filters/code-expression.js';
import { randomKeys, randomString, seededRandom } from '../random-keys.js';

describe('code-expression filter', () => {
  it('applies to generic rules only', () => {
    expect(codeExpressionFilter.appliesTo).toBe('generic');
  });

  it.each([
    ['a one-case identifier', 'my_super_secret_key_value_123'],
    ['a one-case identifier', 'REPLACE_WITH_YOUR_API_KEY_2'],
    ['a member chain', 'settings.OPENAI_API_KEY_V2'],
    ['a module path', 'os.environ/AZURE_API_KEY_2'],
    ['a negation', '!!ownPass'],
    ['a type union', 'Buffer|Uint8Array|Blob|string'],
    ['an assignment', 'e.error.retryable=!0'],
    ['an assignment', 'e.IAccessibilitySignalService=void'],
    ['a concatenation', 'u.token+g.tokenPostfix'],
    ['an increment', '++this._updateExtraLibsToken'],
    ['a fallback', 'e.apiKey||t.apiKey'],
    ['a fallback', 'options.apiKey??defaults.apiKey'],
    ['an arrow function', 'x=>x.apiKey'],
  ])('drops %s: %s', (_, value) => {
    expect(isCodeExpression(value)).toBe(true);
  });

  it.each(['kP77=KXK==v9W*DW', 'huTXga4k+a!Zb8s8', '5MWy!74op8=8', 'sk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6ImFtQcOo2DnGk54yO2BSqybz.xVeREA'])(
    'keeps random values with operator characters: %s',
    (value) => {
      expect(isCodeExpression(value)).toBe(false);
    },
  );

  it('keeps random keys and passwords', () => {
    const random = seededRandom(5);
    const passwords = Array.from({ length: 5000 }, () => randomString(random, 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!@#$%^&*', 12));
    const keys = [...randomKeys('base64', 40, 2000), ...randomKeys('base64url', 32, 2000)];
    expect(keys.filter(isCodeExpression)).toEqual([]);
    expect(passwords.filter(isCodeExpression).length).toBeLessThanOrEqual(10);
  });
});
