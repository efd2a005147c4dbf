// `--profile`: the server ran under `node --cpu-prof`; this prints where its CPU time went, by function (self
// time) and by package, from the .cpuprofile it wrote on exit.
import fs from 'node:fs';
import path from 'node:path';
import { PROFILE_DIR, REPO_DIR } from './settings';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** node_modules/<pkg> (scoped too), the repository's own folder, or node's internals. */
function owner(url: string): string {
  const inModules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (inModules) return inModules[1]!;
  if (url.startsWith('node:') || !url) return url ? 'node' : '(native/gc)';
  return path
    .relative(REPO_DIR, url.replace(/^file:\/\//, ''))
    .split('/')
    .slice(0, 3)
    .join('/');
}

export function summariseProfile(file: string, top = 25): string[] {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const sampled = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const idleUs = [...selfUs]
    .filter(([id]) => ['(idle)', '(program)'].includes(byId.get(id)!.callFrame.functionName))
    .reduce((n, [, us]) => n + us, 0);
  const total = sampled - idleUs; // percentages are of the time the process was busy
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    const where = url ? `${owner(url)}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    byOwner.set(owner(url), (byOwner.get(owner(url)) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  const rank = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `  ${pct(us)}  ${k}`);
  return [
    `CPU profile ${file}: ${(sampled / 1e6).toFixed(1)} s sampled, ${(total / 1e6).toFixed(1)} s busy (set-up included);`,
    'percentages are of the busy time',
    'self time by package:',
    ...rank(byOwner, 15),
    'self time by function:',
    ...rank(byFunction, top),
  ];
}

/** The newest profile in PROFILE_DIR, summarised. */
export function printNewestProfile(): void {
  const files = fs.existsSync(PROFILE_DIR) ? fs.readdirSync(PROFILE_DIR).filter((f) => f.endsWith('.cpuprofile')) : [];
  const newest = files
    .map((f) => path.join(PROFILE_DIR, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  console.log(newest ? summariseProfile(newest).join('\n') : `[bench] no .cpuprofile in ${PROFILE_DIR}`);
}
