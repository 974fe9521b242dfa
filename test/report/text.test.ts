import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/report/text.js';
import {
  CLIENT_EXPOSED_FINDING,
  GENERIC_FINDING,
  HISTORY_FINDING,
  HYGIENE_FINDING,
  sampleResult,
} from './sample-result.js';

const ANSI_ESCAPE = '\u001b[';
const plain = { color: false, verbose: false };

describe('formatText', () => {
  it('lays out a finding like a linter: header, details, then the summary', () => {
    const output = formatText(sampleResult([CLIENT_EXPOSED_FINDING], { commitsScanned: null, blobsScanned: null }), plain);
    expect(output).toBe(
      [
        'web/.env.production',
        '  web/.env.production:3:21  critical  OpenAI project API key  openai-project-key',
        '    OpenAI project API key found.',
        `    secret  ${CLIENT_EXPOSED_FINDING.secret}`,
        '    ⚠ client-side exposure: NEXT_PUBLIC_ variables are inlined into the browser bundle',
        '    fix     Revoke the key in the OpenAI dashboard, then load a new one from the environment.',
        '    see     https://platform.openai.com/api-keys',
        '',
        '✖ 1 finding: 1 critical',
        'Scanned 1,234 files (5.7 MB) in 1.5 s',
        'Skipped 2 files: 1 binary, 1 too large',
        '⚠ shallow clone: history before 2024-04-01 was not scanned',
        '',
      ].join('\n'),
    );
  });

  it('groups findings by file, each file named once', () => {
    const output = formatText(sampleResult(), plain);
    const headers = output.split('\n').filter((line) => line !== '' && !line.startsWith(' '));
    expect(headers.slice(0, 3)).toEqual(['web/.env.production', 'scripts/old config#1.py', '.env']);
    const webGroup = output.slice(output.indexOf('web/.env.production\n'), output.indexOf('\n\nscripts/'));
    expect(webGroup).toContain('web/.env.production:3:21');
    expect(webGroup).toContain('web/.env.production:7:9  medium    Generic API key  generic-api-key');
  });

  it('shows the commit of a history finding as short sha, author and day', () => {
    const output = formatText(sampleResult([HISTORY_FINDING]), plain);
    expect(output).toContain('    commit  4f2a9c1e7b3d by Jane Doe on 2024-05-01\n');
  });

  it('shows a hygiene finding without a secret line', () => {
    const output = formatText(sampleResult([HYGIENE_FINDING]), plain);
    expect(output).toContain('  .env:1:1  high      Tracked .env file  env-file-tracked\n    .env is tracked by git.\n    fix');
    expect(output).not.toContain('secret  ');
  });

  it('summarises counts by severity, most severe first, and history counts', () => {
    const output = formatText(sampleResult(), plain);
    expect(output).toContain('✖ 4 findings: 1 critical, 2 high, 1 medium\n');
    expect(output).toContain('Scanned 1,234 files (5.7 MB), 12 commits, 40 blobs in 1.5 s\n');
  });

  it('says so in one line when nothing was found', () => {
    const output = formatText(sampleResult([], { filesSkipped: 0, skipped: [], warnings: [] }), plain);
    expect(output).toBe('✔ No secrets found\nScanned 1,234 files (5.7 MB), 12 commits, 40 blobs in 1.5 s\n');
  });

  it('lists skipped files only when verbose', () => {
    const quiet = formatText(sampleResult([]), plain);
    const verbose = formatText(sampleResult([]), { color: false, verbose: true });
    expect(quiet).not.toContain('assets/logo.png');
    expect(verbose).toContain('Skipped 2 files: 1 binary, 1 too large\n  assets/logo.png  binary\n');
    expect(verbose).toContain('  db/dump.sql  too large (12 MB, over the 10 MB limit)\n');
  });

  it('counts ignored folders apart from files, each reason once', () => {
    const skipped = [
      { path: 'node_modules/', reason: 'gitignore' as const },
      { path: 'coverage/', reason: 'gitignore' as const },
      { path: 'debug.log', reason: 'gitignore' as const },
      { path: 'fixtures/', reason: 'keyguardignore' as const },
      { path: 'assets/logo.png', reason: 'binary' as const },
    ];
    const output = formatText(sampleResult([], { filesSkipped: 2, skipped, warnings: [] }), { color: false, verbose: true });
    expect(output).toContain(
      'Skipped 3 folders and 2 files: 2 folders and 1 file ignored by .gitignore, 1 folder exempted by .keyguardignore, 1 binary\n  node_modules/  ignored by .gitignore\n',
    );
  });

  it('uses colour only when asked to', () => {
    expect(formatText(sampleResult(), plain)).not.toContain(ANSI_ESCAPE);
    expect(formatText(sampleResult(), { color: true, verbose: true })).toContain(ANSI_ESCAPE);
  });

  it('shows control characters from the scanned repository instead of sending them to the terminal', () => {
    const hostile = { ...GENERIC_FINDING, file: 'evil\u001b[2Jname.js', message: 'A key\u202e in a reversed name.' };
    const output = formatText(sampleResult([hostile]), plain);
    expect(output).not.toContain('\u001b');
    expect(output).not.toContain('\u202e');
    expect(output).toContain('evil\\u001b[2Jname.js:7:9');
    expect(output).toContain('A key\\u202e in a reversed name.');
  });
});
