/**
 * `npx tsx test/bench/send/summarizeProfile.ts <file.cpuprofile> [messages] [top]`: a .cpuprofile
 * (BENCH_CPU_PROF) as text — self and inclusive time per function and self time per file — in
 * ms per message when the message count is given. For comparing two runs of the send bench
 * without DevTools. The profiler samples wall time: on a loaded machine a sample that waited for
 * the CPU lands, with its long delta, on whatever ran next (often a system call). BY_COUNT=1
 * weighs every sample alike instead (count × the mean interval), closer to CPU time there.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [file, messagesArg, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: summarizeProfile.ts <file.cpuprofile> [messages] [top]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const messages = Number(messagesArg ?? 1);
const top = Number(topArg ?? 40);

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parentOf.set(child, node.id);

/** Microseconds of samples per node (a sample's time is the delta to the next one). */
const selfUs = new Map<number, number>();
const meanUs = (profile.endTime - profile.startTime) / Math.max(1, profile.samples.length);
const byCount = process.env.BY_COUNT === '1';
profile.samples.forEach((id, i) => {
  const delta = byCount ? meanUs : (profile.timeDeltas[i + 1] ?? 0);
  selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
});

const shortUrl = (url: string) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*node_modules\//, '~')
    .replace(/^.*\/(electron|test|db|tracker)\//, '$1/');
const label = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const perFile = new Map<string, number>();
for (const [id, us] of selfUs) {
  const node = byId.get(id)!;
  self.set(label(node), (self.get(label(node)) ?? 0) + us);
  const fileName = shortUrl(node.callFrame.url) || node.callFrame.functionName;
  perFile.set(fileName, (perFile.get(fileName) ?? 0) + us);
  // Each function on the stack once (recursion counted once).
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const name = label(byId.get(at)!);
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + us);
  }
}

const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
const idleUs = [...selfUs].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)');
const idle = idleUs.reduce((a, [, us]) => a + us, 0);
const figure = (us: number) => (us / 1000 / messages).toFixed(4).padStart(9);
const print = (title: string, table: Map<string, number>) => {
  console.log(`\n${title} (ms${messages > 1 ? ' per message' : ''})`);
  for (const [name, us] of [...table].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${figure(us)}  ${name}`);
  }
};
console.log(`sampled ${figure(totalUs)}, busy ${figure(totalUs - idle)}`);
print('self time per file', perFile);
print('self time per function', self);
print('inclusive time per function', inclusive);
