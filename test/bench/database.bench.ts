import { join } from 'node:path';
import { openDatabase } from '../../db/openDatabase';
import { tempDir } from '../helpers/tempDir';

/** Inserting settings rows one transaction each (synchronous=FULL) versus batched in one. */
export default async function databaseBench(): Promise<Record<string, number>> {
  const dir = tempDir();
  const { sqlite, close } = openDatabase(join(dir.path, 'bench.sqlite'));
  const insert = sqlite.prepare(
    'insert or replace into settings(key, value, updated_at) values (?, ?, ?)',
  );
  const rows = 2000;
  let start = performance.now();
  for (let i = 0; i < rows; i += 1) insert.run(`single.${i}`, '1', i);
  const singleMs = performance.now() - start;
  start = performance.now();
  sqlite.transaction(() => {
    for (let i = 0; i < rows; i += 1) insert.run(`batch.${i}`, '1', i);
  })();
  const batchMs = performance.now() - start;
  close();
  dir.remove();
  return {
    rows,
    singleTransactionsPerSecond: Math.round((rows / singleMs) * 1000),
    batchedRowsPerSecond: Math.round((rows / batchMs) * 1000),
    batchSpeedup: Number((singleMs / batchMs).toFixed(1)),
  };
}
