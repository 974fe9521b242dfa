import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRuleDirectory } from '../../src/rules/load.js';
import { RuleError, validateRuleFile } from '../../src/rules/validate.js';

/** A rule that passes validation; each test breaks one field of it. */
function validRule(): Record<string, unknown> {
  return {
    id: 'acme-token',
    name: 'Acme token',
    severity: 'high',
    description: 'An Acme API token.',
    keywords: ['acme_'],
    pattern: '\\b(acme_[a-z0-9]{20})\\b',
    examples: ['acme_{{lowernum 20}}'],
    negativeExamples: ['acme_short'],
    references: ['https://acme.invalid/keys'],
  };
}

function validate(changes: Record<string, unknown>, provider: unknown = 'Acme'): ReturnType<typeof validateRuleFile> {
  return validateRuleFile({ provider, rules: [{ ...validRule(), ...changes }] }, 'rules/acme.yaml');
}

describe('validateRuleFile', () => {
  it('accepts a complete rule and fills in the provider', () => {
    const [rule] = validate({});
    expect(rule).toMatchObject({ id: 'acme-token', provider: 'Acme', severity: 'high' });
  });

  it('keeps the JWT claims a key must have', () => {
    const [rule] = validate({ jwtClaims: { role: 'service_role' } });
    expect(rule?.jwtClaims).toEqual({ role: 'service_role' });
  });

  it('names the file, the rule and the field in the error', () => {
    expect(() => validate({ severity: 'urgent' })).toThrow(
      new RuleError('rules/acme.yaml: rules[0] (acme-token): "severity" must be one of info, low, medium, high, critical'),
    );
  });

  it.each([
    [{ id: 'Acme_Token' }, '"id" must be kebab-case'],
    [{ pattern: '(unclosed' }, '"pattern" is not a valid regular expression'],
    [{ pattern: 'acme_[a-z]{20}' }, '"pattern" must have exactly one capturing group'],
    [{ pattern: '(acme)_([a-z]{20})' }, '"pattern" must have exactly one capturing group'],
    [{ flags: 'g' }, '"flags" may only contain "i" and "m"'],
    [{ keywords: [] }, '"keywords" must be a non-empty list of strings'],
    [{ examples: [] }, '"examples" must be a non-empty list'],
    [{ negativeExamples: [{ text: 'x' }] }, '"negativeExamples" items must be strings or {text, path} mappings'],
    [{ context: { pattern: 'acme', within: 0 } }, '"context" must be {pattern: <regex>, within: <characters>}'],
    [{ jwtClaims: { role: 1 } }, '"jwtClaims" must be a mapping of claim names to string values'],
    [{ jwtClaims: {} }, '"jwtClaims" must be a mapping of claim names to string values'],
    [{ multiline: 'yes' }, '"multiline" must be true or false'],
    [{ severity: undefined }, '"severity" must be a non-empty string'],
    [{ negative_examples: ['x'] }, '"negative_examples" is not a known rule field (typo?)'],
    [{ examples: ['acme_{{alnum}}'] }, '"examples" example 1: {{alnum}}: unknown placeholder'],
    [{ negativeExamples: ['ok', { path: 'a.txt', text: '{{acme 3}}' }] }, '"negativeExamples" example 2: {{acme 3}}: unknown placeholder'],
  ])('rejects %j', (changes, message) => {
    expect(() => validate(changes)).toThrow(message);
  });

  it('rejects a file without a provider or without rules', () => {
    expect(() => validateRuleFile({ rules: [validRule()] }, 'x.yaml')).toThrow('x.yaml: "provider" must be a non-empty string');
    expect(() => validateRuleFile({ provider: 'Acme', rules: [] }, 'x.yaml')).toThrow('x.yaml: "rules" must be a non-empty list');
    expect(() => validateRuleFile('just text', 'x.yaml')).toThrow('x.yaml: expected a mapping');
  });

  describe('anchor: name', () => {
    const named = { keywords: ['token'], pattern: '(?<![\\w.-])[\\w.-]*token[ \\t]*=[ \\t]*"([^"]{16,})"', anchor: 'name' };

    it('accepts a pattern that begins where a name begins', () => {
      expect(validate(named)[0]!.anchor).toBe('name');
    });

    it.each([
      [{ anchor: 'line' }, '"anchor" must be "name"'],
      [{ pattern: '\\btoken[ \\t]*=[ \\t]*"([^"]{16,})"' }, '"anchor" needs a pattern that starts with (?<![\\w.-])'],
      [{ keywords: ['token', '://'] }, '"anchor" needs keywords made of name characters'],
      [{ multiline: true }, '"anchor" cannot be combined with multiline'],
    ])('rejects %j', (changes, message) => {
      expect(() => validate({ ...named, ...changes })).toThrow(message);
    });
  });
});

describe('loadRuleDirectory', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function folderWith(files: Record<string, string>): string {
    dir = mkdtempSync(join(tmpdir(), 'keyguard-rules-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  }

  const ruleYaml = (id: string): string =>
    [
      'provider: Acme',
      'rules:',
      `  - id: ${id}`,
      '    name: Acme token',
      '    severity: high',
      '    description: An Acme API token.',
      '    keywords: [acme_]',
      "    pattern: '\\b(acme_[a-z0-9]{20})\\b'",
      "    examples: ['acme_{{lowernum 20}}']",
      '    negativeExamples: [acme_short]',
      '    references: [https://acme.invalid/keys]',
      '',
    ].join('\n');

  it('loads every YAML file in name order', async () => {
    const rules = await loadRuleDirectory(folderWith({ 'b.yaml': ruleYaml('acme-b'), 'a.yml': ruleYaml('acme-a'), 'notes.txt': 'x' }));
    expect(rules.map((rule) => rule.id)).toEqual(['acme-a', 'acme-b']);
  });

  it('says which file holds invalid YAML', async () => {
    const folder = folderWith({ 'broken.yaml': 'provider: [unclosed\n' });
    await expect(loadRuleDirectory(folder)).rejects.toThrow(`${join(folder, 'broken.yaml')}: invalid YAML`);
  });

  it('rejects a rule id used twice across files', async () => {
    await expect(loadRuleDirectory(folderWith({ 'a.yaml': ruleYaml('acme'), 'b.yaml': ruleYaml('acme') }))).rejects.toThrow('duplicate rule id "acme"');
  });

  describe('key-shaped literals in examples', () => {
    const withExamples = (id: string, examples: string[], negatives: string[], extra = ''): string =>
      ruleYaml(id)
        .replace("    examples: ['acme_{{lowernum 20}}']", `    examples: [${examples.map((text) => `'${text}'`).join(', ')}]`)
        .replace('    negativeExamples: [acme_short]', `    negativeExamples: [${negatives.map((text) => `'${text}'`).join(', ')}]${extra}`);

    it('rejects an example that a provider pattern matches as written, naming file, rule, field and index', async () => {
      const folder = folderWith({ 'acme.yaml': withExamples('acme', ['acme_{{lowernum 20}}'], ['acme_short', 'log: acme_q8d7x1m2p4k9z0c3v6b5']) });
      await expect(loadRuleDirectory(folder)).rejects.toThrow(
        `${join(folder, 'acme.yaml')}: rules[0] (acme): "negativeExamples" example 2 holds a key-shaped literal (matches acme); write it as a template`,
      );
    });

    it("checks every file's examples against every file's patterns", async () => {
      const folder = folderWith({ 'a.yaml': ruleYaml('acme-a'), 'b.yaml': withExamples('acme-b', ['acme_{{lowernum 20}}'], ['see acme_{{}}q8d7x1m2p4k9z0c3v6b5', 'acme_q8d7x1m2p4k9z0c3v6b5']) });
      await expect(loadRuleDirectory(folder)).rejects.toThrow('(acme-b): "negativeExamples" example 2 holds a key-shaped literal (matches acme-a)');
    });

    it('accepts templates, split literals and literals that only generic or risky-code rules match', async () => {
      const zeta = (id: string, field: string): string =>
        withExamples(id, ['zeta_q8d7x1m2p4k9z0c3v6b5'], ['zeta_short'], `\n    ${field}`).replaceAll('acme_', 'zeta_').replace('[acme_]', '[zeta_]');
      const folder = folderWith({
        'a.yaml': withExamples('acme', ['acme_{{lowernum 20}}', 'acme_{{}}q8d7x1m2p4k9z0c3v6b5'], ['acme_short']),
        'g.yaml': zeta('zeta-generic', 'generic: true'),
        'r.yaml': zeta('zeta-code', 'category: risky-code'),
      });
      await expect(loadRuleDirectory(folder)).resolves.toHaveLength(3);
    });
  });

  it('rejects a folder without rule files, and a missing folder', async () => {
    await expect(loadRuleDirectory(folderWith({ 'readme.md': '#' }))).rejects.toThrow('no rule files (*.yaml)');
    await expect(loadRuleDirectory(join(dir, 'missing'))).rejects.toThrow('cannot read rules folder');
  });
});
