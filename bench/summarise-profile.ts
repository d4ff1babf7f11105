import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * `tsx bench/summarise-profile.ts <file.cpuprofile | directory> [rows]` (a directory: its largest
 * profile, the main thread's): where a CPU profile (from
 * `BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench`) spent its time: self time
 * by function and by file or package, and inclusive time of this project's own files.
 */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const target = process.argv[2];
if (!target) throw new Error('usage: bench/summarise-profile.ts <file.cpuprofile | directory> [rows]');
const rows = Number(process.argv[3] ?? 25);
/** Leave out the first seconds (start-up, migrations, seeding): BENCH_PROFILE_SKIP=20. */
const skipUs = Number(process.env.BENCH_PROFILE_SKIP ?? 0) * 1e6;
const file = statSync(target).isDirectory()
  ? readdirSync(target)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => join(target, f))
      .sort((a, b) => statSync(b).size - statSync(a).size)[0]!
  : target;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfTime = new Map<number, number>();
let clock = 0;
profile.samples.forEach((id, i) => {
  clock += profile.timeDeltas[i] ?? 0;
  if (clock >= skipUs) selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...selfTime.values()].reduce((a, b) => a + b, 0);

const root = process.cwd();
function where(url: string): string {
  if (!url) return '(native)';
  const path = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1]!;
  if (path.startsWith('node:')) return path;
  return relative(root, path);
}
const label = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

function table(title: string, sums: Map<string, number>) {
  console.log(`\n${title}`);
  for (const [key, us] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`);
  }
}

const selfByFunction = new Map<string, number>();
const selfByPlace = new Map<string, number>();
const inclusiveOwn = new Map<string, number>();
const inclusivePlace = new Map<string, number>();
for (const [id, us] of selfTime) {
  const n = byId.get(id)!;
  selfByFunction.set(label(n), (selfByFunction.get(label(n)) ?? 0) + us);
  const place = where(n.callFrame.url);
  selfByPlace.set(place, (selfByPlace.get(place) ?? 0) + us);
  // Inclusive: every distinct own-code function, and every file or package, on the stack gets the sample once.
  const seen = new Set<string>();
  const seenPlaces = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at)!;
    const url = frame.callFrame.url;
    const framePlace = where(url);
    if (url && !seenPlaces.has(framePlace)) {
      seenPlaces.add(framePlace);
      inclusivePlace.set(framePlace, (inclusivePlace.get(framePlace) ?? 0) + us);
    }
    if (!url.startsWith('file://') || url.includes('node_modules')) continue;
    const key = label(frame);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusiveOwn.set(key, (inclusiveOwn.get(key) ?? 0) + us);
  }
}
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
table('Self time by file or package', selfByPlace);
table('Inclusive time by file or package (a sample counts for each one on its stack)', inclusivePlace);
table('Self time by function', selfByFunction);
table('Inclusive time of our own functions', inclusiveOwn);
