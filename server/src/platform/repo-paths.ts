// Where the repository's files are, whether the server runs from its TypeScript sources (tsx: server/src/…) or
// compiled (node: server/dist/server/src/…). Found by walking up to the root's project.config.json rather than
// counting `..`, which differs between the two layouts.
import fs from 'node:fs';
import path from 'node:path';

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'project.config.json')) && fs.existsSync(path.join(dir, 'server'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no repository root (project.config.json) above ${from}`);
  }
}

export const REPO_ROOT = findRepoRoot(__dirname);

/** a path inside the repository, e.g. `repoPath('sql/seed/demo-catalog.json')` */
export const repoPath = (...parts: string[]) => path.join(REPO_ROOT, ...parts);
