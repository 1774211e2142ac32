import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { allVerdicts, judge, startBench, verdictTable } from './report';

/**
 * `npm run bench [name…]`: runs every test/bench/*.bench.ts (or the named ones) one after another,
 * prints one JSON object { "<bench>": { figures… } }, then one table of every figure judged against
 * the product's goal (report.ts: each bench calls `judge` per figure). Each bench file
 * default-exports an async function returning its figures, including ratios against a baseline
 * measured in the same run.
 */
type Bench = () => Promise<Record<string, unknown>>;

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.bench\.ts$/, '')))
  .sort();

const results: Record<string, unknown> = {};
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  process.stderr.write(`bench ${name}…\n`);
  startBench(name);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: Bench };
  try {
    results[name] = await mod.default();
  } catch (error) {
    results[name] = { error: String((error as Error).stack ?? error) };
    // A bench that fails cannot claim its goals: the table says so.
    judge('bench ran', 0, { atLeast: 1, unit: 'run' }, 'failed, see its error');
  }
}
console.log(JSON.stringify(results, null, 2));
console.log(`\n${verdictTable(allVerdicts())}`);
