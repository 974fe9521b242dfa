import { gitStdout } from './run.js';

/**
 * `-c` settings that switch off every filter driver the repository's config defines, for a command
 * that reads work tree files into git's comparison (`git rm --cached` checks the file against the
 * index, running the `clean` filter that .gitattributes names). Drivers have names of the
 * repository's choosing, so they cannot be listed in run.ts's fixed settings: they are looked up
 * first. An empty command is no filter; `required=false` keeps git from failing for want of one.
 */
export async function filterDriversOff(cwd: string): Promise<string[]> {
  // Exit status 1: no filter setting at all.
  const keys = await gitStdout(cwd, ['config', '--name-only', '-z', '--get-regexp', '^filter\\.'], { okStatuses: [1] });
  const drivers = new Set<string>();
  for (const key of keys.split('\0')) {
    const name = /^filter\.(.+)\.[^.]+$/s.exec(key)?.[1];
    if (name !== undefined) drivers.add(name);
  }
  return [...drivers].flatMap((name) => ['clean', 'smudge', 'process'].flatMap((setting) => ['-c', `filter.${name}.${setting}=`]).concat('-c', `filter.${name}.required=false`));
}
