import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Well-known key formats as other scanners (gitleaks, GitHub push protection, trufflehog) look for
 * them: written independently of keyguard's own rules and deliberately simple (a prefix and a run
 * of key characters, no entropy check, no placeholder filter), so that a file which passes here
 * passes them too. Like gitleaks, AWS ids ending in EXAMPLE (the AWS documentation's own) are
 * allowed.
 */
const OTHER_SCANNERS: ReadonlyArray<[name: string, pattern: RegExp]> = [
  ['OpenAI key with the T3BlbkFJ marker', /sk-[A-Za-z0-9_-]*T3BlbkFJ[A-Za-z0-9_-]*/],
  ['OpenAI project, service account, admin or user key', /sk-(?:proj|svcacct|service|admin|None)-[A-Za-z0-9_-]{20,}/],
  ['Anthropic key', /sk-ant-(?:api|admin|oat|ort)\d{2}-[A-Za-z0-9_-]{20,}/],
  ['AWS access key id', /(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)(?![A-Z2-7]{9}EXAMPLE)[A-Z2-7]{16}/],
  ['GitHub token', /gh[pousr]_[A-Za-z0-9]{36}/],
  ['GitHub fine-grained token', /github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}/],
  ['GitLab token', /gl(?:pat|rt|dt|ptt|ft|soat)-[A-Za-z0-9_-]{20}/],
  ['Slack token', /xox[bpas]-\d{8,14}-[A-Za-z0-9-]{8,}/],
  ['Slack config token', /xoxe(?:\.xox[bp])?-\d-[A-Za-z0-9]{100,}/],
  ['Slack webhook', /hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/]{43,56}/],
  ['Google API key', /AIza[A-Za-z0-9_-]{35}/],
  ['Hugging Face token', /hf_[A-Za-z]{34}(?![A-Za-z0-9])/],
  ['Stripe live key', /[sr]k_live_[A-Za-z0-9]{20,}/],
  ['npm token', /npm_[A-Za-z0-9]{36}/],
  ['SendGrid key', /SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/],
  ['private key block with a body', /-----BEGIN[A-Z ]{0,20} PRIVATE KEY(?: BLOCK)?-----[\s\\nr"',+]*[A-Za-z0-9+/=]{40,}/],
];

function filesToCheck(): string[] {
  const tracked = spawnSync('git', ['ls-files', '-z'], { cwd: REPO, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  // The package's rule snapshot: `npm test` builds before vitest runs.
  return [...tracked, 'dist/rules.json'].filter((file) => existsSync(join(REPO, file)));
}

describe("other scanners' patterns", () => {
  it('find nothing in any tracked file or in dist/rules.json', () => {
    const files = filesToCheck();
    expect(files).toContain('dist/rules.json');
    expect(files).toContain('rules/openai.yaml');
    const hits: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(REPO, file), 'latin1');
      for (const [name, pattern] of OTHER_SCANNERS) {
        const match = pattern.exec(text);
        if (match) hits.push(`${file}: ${name}: ${match[0].slice(0, 60)}`);
      }
    }
    expect(hits).toEqual([]);
  });

  it('do find the formats they are written for (the check itself works)', async () => {
    const { fakeKeys } = await import('../helpers/fake-keys.js');
    const { expandTemplate } = await import('../../src/rules/template.js');
    const samples = [
      fakeKeys.openaiProject(),
      fakeKeys.openaiLegacy(),
      fakeKeys.anthropic(),
      fakeKeys.github(),
      fakeKeys.awsAccessKeyId(),
      fakeKeys.google(),
      fakeKeys.huggingface(),
      expandTemplate('github_pat_{{alnum 22}}_{{alnum 59}}', 'sample'),
      expandTemplate('glpat-{{alnum 20}}', 'sample'),
      expandTemplate('xoxb-{{digit 12}}-{{digit 13}}-{{alnum 24}}', 'sample'),
      expandTemplate('xoxe.xoxp-1-{{alnum 146}}', 'sample'),
      expandTemplate('https://hooks.slack.com/services/T{{uppernum 10}}/B{{uppernum 10}}/{{alnum 24}}', 'sample'),
      expandTemplate('sk_{{}}live_{{alnum 24}}', 'sample'),
      expandTemplate('{{checksummed npm_}}', 'sample'),
      expandTemplate('SG.{{urlsafe 22}}.{{urlsafe 43}}', 'sample'),
      expandTemplate('-----BEGIN RSA PRIVATE KEY-----\n{{base64 64}}\n-----END RSA PRIVATE KEY-----', 'sample'),
    ];
    const unmatched = OTHER_SCANNERS.filter(([, pattern]) => !samples.some((sample) => pattern.test(sample))).map(([name]) => name);
    expect(unmatched).toEqual([]);
  });
});
