import { spawnGit } from './run.js';

/**
 * One blob's bytes, streamed by its own `git cat-file blob`: for blobs too big to hold whole
 * (the content stage reads them as windows). git starts only when the first piece is asked for.
 */
export async function* streamBlob(cwd: string, sha: string): AsyncGenerator<Buffer> {
  const git = spawnGit(cwd, ['cat-file', 'blob', sha]);
  git.stdin.end();
  let finished = false;
  try {
    for await (const piece of git.stdout) yield piece as Buffer;
    await git.done;
    finished = true;
  } finally {
    if (!finished) git.kill();
  }
}
