import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { SCAN_FLAGS } from '../../src/cli/scan-flags.js';
import { runCli } from '../helpers/cli.js';

const longFlags = new Set(SCAN_FLAGS.map((spec) => /--[\w-]+/.exec(spec.flags)?.[0]));

describe('keyguard --help', () => {
  it('shows the common scans, with flags that scan really has, and where to find every option', () => {
    const { code, stdout } = runCli(['--help'], { cwd: tmpdir() });
    expect(code).toBe(0);
    expect(stdout).toContain('every option: keyguard scan --help');
    const scanLines = stdout.split('\n').filter((line) => line.trimStart().startsWith('keyguard scan '));
    expect(scanLines.length).toBeGreaterThanOrEqual(4);
    const flags = scanLines.flatMap((line) => line.match(/--[\w-]+/g) ?? []).filter((flag) => flag !== '--help');
    expect(flags).toEqual(expect.arrayContaining(['--history', '--since', '--staged', '--format', '--fail-on']));
    for (const flag of flags) expect(longFlags, flag).toContain(flag);
  });
});
