import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../../../db/openDatabase';
import { emptyCounts } from '../../../electron/services/selections/importPlan';
import { ImportWorkerStore } from '../../../electron/services/selections/worker/importWorkerStore';
import { tempDir } from '../../helpers/tempDir';

const dir = tempDir();
afterEach(() => dir.remove());

it('commits the contacts to the WAL and copies them into the database file only when asked, after the answer', () => {
  const databaseFile = join(dir.path, 'winkelpost.sqlite');
  const { sqlite } = openDatabase(databaseFile);
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const emptySize = statSync(databaseFile).size;
    const id = randomUUID();
    const store = new ImportWorkerStore(
      {
        databaseFile,
        id,
        description: 'Kassa',
        fileName: 'kassa.csv',
        createdAt: 0,
        mapping: '[]',
        extraColumns: '[]',
      },
      ['naam'],
    );
    const counts = { ...emptyCounts(), rows: 30_000, imported: 30_000 };
    for (let i = 0; i < counts.rows; i += 1) {
      const name = `Klant ${i} met een wat langere naam`;
      const email = `klant${i}@example.nl`;
      store.sink.add(i + 2, email, email, JSON.stringify({ naam: name }), [name]);
    }
    store.commit(counts);

    // Committed: the app's connection sees every contact, the file itself is still as it was.
    const count = sqlite.prepare('select count(*) from contacts where selection_id = ?').pluck();
    expect(count.get(id)).toBe(30_000);
    expect(statSync(databaseFile).size).toBe(emptySize);
    expect(statSync(`${databaseFile}-wal`).size).toBeGreaterThan(0);

    store.checkpointWal();
    store.close();
    expect(statSync(databaseFile).size).toBeGreaterThan(emptySize);
    expect(count.get(id)).toBe(30_000);
  } finally {
    sqlite.close();
  }
});
