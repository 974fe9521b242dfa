import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeRepo, makeTempDir, removeTestRepos } from '../helpers/git-repo.js';

afterAll(removeTestRepos);

/**
 * A scanned repository is untrusted: its .git/config can name programs for git to run. Each
 * setting below points at a script that leaves a marker; no keyguard command may trigger one.
 */
function hostileRepo() {
  const markers = makeTempDir('keyguard-markers-');
  const script = join(markers, 'evil.sh');
  writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> ${join(markers, 'ran')}\nexit 0\n`);
  chmodSync(script, 0o755);
  const repo = makeRepo();
  repo.write('a.txt', 'hello\n');
  // A tracked env file: `keyguard fix` untracks it (git rm --cached writes the index).
  repo.write('.env', 'NAME=value\n');
  repo.write('.gitattributes', '* filter=evil diff=evil\n');
  repo.commit('first');
  // Staged before the hostile settings exist: git itself would run them for `git add`.
  repo.write('b.txt', 'staged change\n');
  repo.git('add', 'b.txt');
  const settings: Record<string, string> = {
    'core.fsmonitor': script,
    'core.pager': script,
    'pager.log': script,
    'pager.diff': script,
    'diff.external': script,
    'diff.evil.textconv': script,
    'diff.evil.command': script,
    'filter.evil.clean': script,
    'filter.evil.smudge': script,
    'filter.evil.process': script,
    'log.showSignature': 'true',
    'gpg.program': script,
    'credential.helper': `!${script}`,
    'core.sshCommand': script,
    'core.hooksPath': markers,
  };
  for (const [key, value] of Object.entries(settings)) repo.git('config', key, value);
  for (const hook of ['pre-commit', 'post-checkout', 'post-index-change', 'reference-transaction', 'fsmonitor-watchman']) {
    writeFileSync(join(markers, hook), `#!/bin/sh\necho hook ${hook} >> ${join(markers, 'ran')}\n`);
    chmodSync(join(markers, hook), 0o755);
  }
  const ran = () => (existsSync(join(markers, 'ran')) ? readFileSync(join(markers, 'ran'), 'utf8') : '');
  return { repo, ran };
}

describe('a repository whose config names programs', () => {
  const commands: Array<[string, string[]]> = [
    ['tree scan', ['scan', '.']],
    ['staged scan', ['scan', '--staged']],
    ['history scan', ['scan', '--history']],
    ['history scan of a range', ['scan', '--history', '--since', 'HEAD~0']],
    ['init', ['init']],
    ['fix', ['fix']],
    ['baseline', ['baseline']],
  ];
  it.each(commands)('%s runs none of them', (_, args) => {
    const { repo, ran } = hostileRepo();
    const run = runCli(args, { cwd: repo.dir, env: { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
    expect(run.stderr).not.toMatch(/internal error/);
    expect(ran()).toBe('');
  });
});
