/**
 * Prints a .heapprofile (BENCH_HEAP_PROF) as bytes allocated per message, by function (self) and
 * by file, largest first: where a phase's garbage comes from.
 * Usage: npx tsx test/bench/send/summarizeHeapProfile.ts <file.heapprofile> <messages> [rows]
 */
import { readFileSync } from 'node:fs';

interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: HeapNode[];
}

const [file, messagesText, rowsText] = process.argv.slice(2);
if (!file || !messagesText) throw new Error('usage: summarizeHeapProfile <file> <messages> [rows]');
const messages = Number(messagesText);
const rows = Number(rowsText ?? 25);
const { head } = JSON.parse(readFileSync(file, 'utf8')) as { head: HeapNode };

const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
let total = 0;
const add = (map: Map<string, number>, key: string, bytes: number) =>
  map.set(key, (map.get(key) ?? 0) + bytes);
const shortUrl = (url: string) =>
  url.replace(/^.*node_modules\//, '').replace(/^.*\/work\/[^/]+\//, '');

(function walk(node: HeapNode) {
  const { functionName, url, lineNumber } = node.callFrame;
  if (node.selfSize > 0) {
    total += node.selfSize;
    add(
      byFunction,
      `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`,
      node.selfSize,
    );
    add(byFile, shortUrl(url) || '(native)', node.selfSize);
  }
  for (const child of node.children) walk(child);
})(head);

const perMessage = (bytes: number) => `${(bytes / messages / 1024).toFixed(2)} kB`;
console.log(`allocated ${perMessage(total)} per message in all`);
for (const [title, map] of [
  ['by function (self)', byFunction],
  ['by file', byFile],
] as const) {
  console.log(`\n${title}`);
  for (const [key, bytes] of [...map].sort((a, b) => b[1] - a[1]).slice(0, rows))
    console.log(`${perMessage(bytes).padStart(10)}  ${key}`);
}
