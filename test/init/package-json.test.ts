import { describe, expect, it } from 'vitest';
import { InitError } from '../../src/init/outcome.js';
import { HUSKY_VERSION_RANGE, addHuskyToPackageJson } from '../../src/init/package-json.js';

describe('addHuskyToPackageJson', () => {
  it('adds husky to devDependencies and a prepare script that runs it', () => {
    const edit = addHuskyToPackageJson('{\n  "name": "demo",\n  "version": "1.0.0"\n}\n');
    expect(JSON.parse(edit.text)).toEqual({
      name: 'demo',
      version: '1.0.0',
      devDependencies: { husky: HUSKY_VERSION_RANGE },
      scripts: { prepare: 'husky' },
    });
    expect(edit.changes).toHaveLength(2);
  });

  it('keeps the indentation, CRLF line endings and missing trailing newline of the file', () => {
    const tabbed = '{\r\n\t"name": "demo",\r\n\t"scripts": {\r\n\t\t"test": "vitest"\r\n\t}\r\n}';
    expect(addHuskyToPackageJson(tabbed).text).toBe(
      '{\r\n\t"name": "demo",\r\n\t"scripts": {\r\n\t\t"test": "vitest",\r\n\t\t"prepare": "husky"\r\n\t},\r\n' +
        `\t"devDependencies": {\r\n\t\t"husky": "${HUSKY_VERSION_RANGE}"\r\n\t}\r\n}`,
    );

    const fourSpaces = '{\n    "name": "demo"\n}\n';
    expect(addHuskyToPackageJson(fourSpaces).text).toMatch(/^\{\n {4}"name": "demo",\n {4}"devDependencies": \{\n {8}"husky"/);
    expect(addHuskyToPackageJson(fourSpaces).text.endsWith('}\n')).toBe(true);
  });

  it('returns the input unchanged, byte for byte, when husky is set up already', () => {
    const text = '{"name":"demo","devDependencies":{"husky":"^8.0.0"},"scripts":{"prepare":"husky install"}}';
    expect(addHuskyToPackageJson(text)).toEqual({ text, changes: [], providesKeyguard: false });
  });

  it('appends husky to a prepare script that does not run it, and leaves one that does', () => {
    const build = addHuskyToPackageJson('{"scripts":{"prepare":"npm run build"}}\n');
    expect(JSON.parse(build.text).scripts.prepare).toBe('npm run build && husky');

    for (const prepare of ['husky', 'npx husky', 'cd .. && husky app/.husky', 'is-ci || husky install']) {
      const text = JSON.stringify({ devDependencies: { husky: '^9.0.0' }, scripts: { prepare } });
      expect(addHuskyToPackageJson(text).changes, prepare).toEqual([]);
    }
    // A script that merely mentions the word is not husky.
    const lookalike = addHuskyToPackageJson('{"scripts":{"prepare":"node husky-free.js"}}');
    expect(JSON.parse(lookalike.text).scripts.prepare).toBe('node husky-free.js && husky');
  });

  it('keeps a sorted devDependencies list sorted and appends to an unsorted one', () => {
    const sorted = addHuskyToPackageJson('{"devDependencies":{"eslint":"^9.0.0","typescript":"^5.0.0"}}');
    expect(Object.keys(JSON.parse(sorted.text).devDependencies)).toEqual(['eslint', 'husky', 'typescript']);

    const unsorted = addHuskyToPackageJson('{"devDependencies":{"typescript":"^5.0.0","eslint":"^9.0.0"}}');
    expect(Object.keys(JSON.parse(unsorted.text).devDependencies)).toEqual(['typescript', 'eslint', 'husky']);
  });

  it('counts husky in dependencies as installed and reports whether keyguard is a dependency', () => {
    const edit = addHuskyToPackageJson('{"dependencies":{"husky":"^9.0.0"},"devDependencies":{"keyguard":"^0.1.0"}}');
    expect(edit.changes).toEqual(['package.json: added the script "prepare": "husky"']);
    expect(edit.providesKeyguard).toBe(true);
  });

  it('refuses a package.json it cannot edit safely', () => {
    expect(() => addHuskyToPackageJson('{"name": "demo",}')).toThrow(InitError);
    expect(() => addHuskyToPackageJson('[]')).toThrow(InitError);
    expect(() => addHuskyToPackageJson('{"devDependencies": []}')).toThrow(/devDependencies is not an object/);
    expect(() => addHuskyToPackageJson('{"scripts": {"prepare": 1}}')).toThrow(/prepare is not a string/);
  });

  it('edits the text: four-space indentation, numbers past double precision and every other byte stay', () => {
    const text = '{\n    "name": "demo",\n    "seed": 12345678901234567890,\n    "devDependencies": {\n        "eslint": "^9.0.0"\n    }\n}';
    expect(addHuskyToPackageJson(text).text).toBe(
      '{\n    "name": "demo",\n    "seed": 12345678901234567890,\n    "devDependencies": {\n        "eslint": "^9.0.0",\n        "husky": "' +
        HUSKY_VERSION_RANGE +
        '"\n    },\n    "scripts": {\n        "prepare": "husky"\n    }\n}',
    );
  });

  it('refuses a second "scripts" or "devDependencies": the edit would land in the copy npm ignores', () => {
    expect(() => addHuskyToPackageJson('{"scripts": {}, "scripts": {"test": "x"}}')).toThrow(/package\.json has "scripts" twice/);
    // Duplicates of other keys are npm's business: both stay.
    expect(addHuskyToPackageJson('{"a": 1, "a": 2}').text).toMatch(/"a": 1,\s+"a": 2,/);
  });
});
