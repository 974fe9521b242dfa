import { describe, expect, it } from 'vitest';
import { isCodeFile, unquotedInCodeFilter } from '../../../src/detect/filters/unquoted-in-code.js';

const candidate = (ruleId: string, path: string) => ({
  secret: '/*#__PURE__*/',
  match: 'allPass = /*#__PURE__*/',
  line: 'var allPass = /*#__PURE__*/ createPass(1);',
  path,
  ruleId,
  generic: true,
  category: 'secret' as const,
});

describe('unquoted-in-code filter', () => {
  it('drops unquoted-value matches in code files', () => {
    expect(unquotedInCodeFilter.matches(candidate('generic-password-unquoted', 'dist/index.min.js'))).toBe(true);
    expect(unquotedInCodeFilter.matches(candidate('generic-secret-unquoted', 'app/settings.py'))).toBe(true);
  });

  it('keeps them in config-like files and keeps the quoted rules everywhere', () => {
    for (const path of ['.env', 'config/app.yml', 'settings.ini', 'app.properties', 'deploy.sh', 'Dockerfile', 'README.md']) {
      expect(isCodeFile(path)).toBe(false);
      expect(unquotedInCodeFilter.matches(candidate('generic-password-unquoted', path))).toBe(false);
    }
    expect(unquotedInCodeFilter.matches(candidate('generic-password', 'src/db.ts'))).toBe(false);
  });
});
